import Foundation
import GroundbreakDomain

/// What every row of one file is planned against.
struct RowContext {
    let table: LocatedTable
    let present: Set<String>
    let existing: ExistingProjects
    let file: LedgerFile
    let classes: ClassReading
}

extension LedgerImport {
    func plan(_ row: TableRows.Row, context: RowContext, seen: inout [String: Int], owedRows: inout Int) -> (RowOutcome, LedgerWrite?) {
        let table = context.table
        var problems: [ImportProblem] = []
        func problem(_ field: String, _ message: String) {
            let column = table.column(field)
            problems.append(ImportProblem(row: row.number, column: column.map { CellPosition.columnName($0.index) }, header: column?.header, message: message))
        }
        var notes: [String] = []
        // The class column, when it is the unit's own scheme, is read here, not as a shipped category.
        var resolvable = row
        var className: String?
        var schemeCategory: String?
        if context.classes.isScheme, let cell = row.cell("category") {
            resolvable.cells["category"] = nil
            (className, schemeCategory) = context.classes.read(cell.text)
            if let className, context.file.newClasses.contains(className), let scheme = context.file.schemeName {
                notes.append(OfficeText.Import.newClass(className, scheme))
            }
        }
        let (resolvedValues, resolveProblems) = ValueResolver(row: resolvable, table: table, catalog: catalog, names: names).resolve()
        var values = resolvedValues
        var unresolved = resolveProblems
        let name = values["name"] ?? ""
        if let schemeCategory { values["categoryCode"] = schemeCategory }

        // A place the regions do not name (a street, a park) is the file's unit's, and kept as the address.
        if let index = unresolved.firstIndex(where: { $0.0 == "region" }), let cell = row.cell("region") {
            let text = TextNormalizer.collapsedLine(cell.text)
            if let region = names.regionWithin(text) ?? context.file.regionCode {
                values["regionCode"] = region
                unresolved.remove(at: index)
                if values["address"] == nil { values["address"] = text }
                if names.regionWithin(text) == nil { notes.append(OfficeText.Import.regionFromUnit(text, catalog.region(region)?.name ?? region)) }
            }
        }

        let match = self.match(values: values, existing: context.existing, problem: problem)
        let regionKey = values["regionCode"] ?? context.file.regionCode ?? ""
        let identity = match.map { "id:\($0.id)" } ?? values["code"].map { "code:" + TextNormalizer.identifier($0) } ?? "name:" + ExistingProjects.key(name: name, region: regionKey)
        if let first = seen[identity] {
            problem("name", OfficeText.Import.duplicateRow(first))
        } else {
            seen[identity] = row.number
        }

        var input = match.map { ProjectInput(fields: $0.fields) } ?? ProjectInput()
        if let match {
            // Seats are shown by holder and title, which two seats may share: the project's own seat wins.
            for (field, key, id) in [("sponsor", "sponsorPositionId", match.fields.sponsorPositionId), ("secretary", "secretaryPositionId", match.fields.secretaryPositionId)] {
                if let id, let seat = catalog.position(id), let cell = row.cell(field), ValueResolver.plainText(cell.text) == ValueResolver.plainText(seat.display) {
                    values[key] = String(id)
                    unresolved.removeAll { $0.0 == field }
                }
            }
            // A class the centre has not mapped yet leaves the project's category as it is.
            if schemeCategory == nil { values["categoryCode"] = nil }
        } else {
            // What a new project can wait for is 待补充; what it cannot be stored without is refused.
            if values["regionCode"] == nil, let region = context.file.regionCode { values["regionCode"] = region }
            if values["investmentType"] == nil && !unresolved.contains(where: { $0.0 == "investmentType" }) { values["investmentType"] = InvestmentType.pending.rawValue }
            if values["categoryCode"] == nil && !unresolved.contains(where: { $0.0 == "category" }) { values["categoryCode"] = Category.pendingCode }
            for field in Self.requiredForCreate + ["region"] where values[Self.valueKey(field)] == nil && !unresolved.contains(where: { $0.0 == field }) {
                let header = columns.columns.first { $0.field == field }?.header ?? field
                problem(field, context.present.contains(field) ? OfficeText.Import.missingValueForCreate(header) : OfficeText.Import.missingForCreate(header))
            }
        }
        for (field, message) in unresolved { problem(field, message) }
        input.apply(values)
        let stage: Stage
        if let match {
            stage = match.effectiveStage
            if let wanted = values["stage"].flatMap(Stage.init(rawValue:)), wanted != match.stage { notes.append(OfficeText.Import.stageNotChanged(match.stage.label)) }
        } else {
            stage = values["stage"].flatMap(Stage.init(rawValue:)) ?? .reserve
        }

        var fields: ProjectFields?
        if problems.isEmpty || match != nil || !values.isEmpty {
            switch ProjectValidator(catalog: catalog, today: today).validate(input, stage: stage) {
            case .success(let valid):
                fields = valid
                if match == nil {
                    for error in Lifecycle.checkInitial(stage: stage, fields: valid) { problem(Self.importField(error.field), error.message) }
                }
            case .failure(let failure):
                for error in failure.errors { problem(Self.importField(error.field), error.message) }
            }
        }
        var statement = self.statement(row, context: context, fields: fields, match: match, problem: problem, notes: &notes)
        // What the stored project already has is not planned again: a file imported twice writes nothing.
        if let match, let list = context.file.yearList, let said = statement, let stored = context.existing.statements[match.id]?[list.key],
           (said.nature ?? stored.nature) == stored.nature && (said.plannedInvestment ?? stored.plannedInvestment) == stored.plannedInvestment {
            statement = nil
        }
        if let statement, let year = context.file.year {
            notes.append(OfficeText.Import.statement(year, [statement.nature?.label, statement.plannedInvestment.map { OfficeText.Import.planned($0.exactWanText) }].compactMap { $0 }))
        }
        if let match, let name = className, let region = context.file.regionCode, let scheme = context.file.schemeName,
           context.existing.classes[match.id]?[ClassificationScheme.key(region: region, name: scheme)] == name {
            className = nil
        }

        var outcome = RowOutcome(row: row.number, action: .refused, name: name, projectId: match?.id, changes: [], notes: notes, problems: [])
        var write: LedgerWrite?
        if let fields, problems.isEmpty {
            var project: ProjectWrite?
            if let match {
                var changed = match
                changed.fields = fields
                if !editScope.contains(match) || !editScope.contains(changed) {
                    problem("region", OfficeText.Import.outsideEditScope)
                } else if fields == match.fields {
                    outcome.action = .unchanged
                } else {
                    outcome.action = .update
                    outcome.changes = Self.changedColumns(match.fields, fields)
                    project = .update(projectId: match.id, version: match.version, fields, row: row.number)
                }
            } else if !createScope.contains(Project(id: 0, fields: fields, stage: stage, createdAt: Date(), updatedAt: Date(), version: 0)) {
                problem("region", OfficeText.Import.outsideCreateScope)
            } else {
                outcome.action = .create
                project = .create(fields, stage: stage, row: row.number)
                let owed = fields.owed.map { DomainText.field($0).zh }
                if !owed.isEmpty { owedRows += 1 }
                if !owed.isEmpty { outcome.notes.append(OfficeText.Import.owed(owed)) }
            }
            if problems.isEmpty && (project != nil || className != nil || statement != nil) {
                write = LedgerWrite(row: row.number, project: project, projectId: match?.id, className: className, statement: statement)
            }
        }
        if !problems.isEmpty { outcome.action = .refused; write = nil }
        outcome.problems = problems
        return (outcome, write)
    }

    /// The stored project a row is: by code, else by name within its region; of several with one
    /// name, the one the row describes exactly (our own export re-imported), else the one with its total.
    func match(values: [String: String], existing: ExistingProjects, problem: (String, String) -> Void) -> Project? {
        if let code = values["code"].map(TextNormalizer.identifier), !code.isEmpty {
            if let found = existing.byCode[code] { return found }
            if existing.hiddenCodes.contains(code) { problem("code", OfficeText.Import.codeTakenElsewhere(code)) }
        }
        guard let region = values["regionCode"] else { return nil }
        let candidates = existing.byNameAndRegion[ExistingProjects.key(name: values["name"] ?? "", region: region)] ?? []
        guard candidates.count > 1 else { return candidates.first }
        let validator = ProjectValidator(catalog: catalog, today: today)
        let described = candidates.filter { candidate in
            var input = ProjectInput(fields: candidate.fields)
            input.apply(values)
            return (try? validator.validate(input, stage: candidate.stage).get()) == candidate.fields
        }
        if described.count == 1 { return described[0] }
        let sameTotal = candidates.filter { $0.fields.totalInvestment.exactWanText == values["totalInvestmentWan"] }
        if sameTotal.count == 1 { return sameTotal[0] }
        problem("name", OfficeText.Import.ambiguousName(candidates.count))
        return nil
    }

    /// The row's statement for the file's year: its 建设性质 as written (a difference from the
    /// dates is noted, not corrected) and its planned investment.
    func statement(_ row: TableRows.Row, context: RowContext, fields: ProjectFields?, match: Project?,
                   problem: (String, String) -> Void, notes: inout [String]) -> YearStatement? {
        guard let year = context.file.year else { return nil }
        var nature: ListNature?
        if let cell = row.cell("constructionNature") {
            let words = columns.values["constructionNature"] ?? [:]
            if let raw = columns.value(cell.text, field: "constructionNature") ?? ListNature.allCases.first(where: { $0.label == NameLookup.key(cell.text) })?.rawValue {
                nature = ListNature(rawValue: raw)
            } else {
                problem("constructionNature", OfficeText.Import.unknownNature(cell.text, words.keys.sorted().joined(separator: "、")))
            }
        }
        var planned: Money?
        if let cell = row.cell("yearPlan") {
            switch CellReading.money(cell, unit: context.table.column("yearPlan")?.unit) {
            case .success(let money):
                planned = money
                if let total = fields?.totalInvestment, total > .zero, money > total {
                    problem("yearPlan", OfficeText.Import.planAboveTotal(context.table.column("yearPlan")?.header ?? ""))
                }
            case .failure: problem("yearPlan", OfficeText.Import.badAmount(cell.text))
            }
        }
        guard nature != nil || planned != nil else { return nil }
        if let nature, let fields {
            let project = Project(id: match?.id ?? 0, fields: fields, stage: match?.stage ?? .reserve, createdAt: Date(), updatedAt: Date(), version: 0)
            if let implied = ListNature.implied(by: project, year: year), implied != nature, match != nil || fields.actualStart != nil {
                notes.append(OfficeText.Import.natureDiffers(nature.label, implied.label, year))
            }
        }
        return YearStatement(nature: nature, plannedInvestment: planned)
    }

    /// The value key an import field fills.
    static func valueKey(_ field: String) -> String {
        switch field {
        case "region": "regionCode"
        case "totalInvestment": "totalInvestmentWan"
        case "category": "categoryCode"
        default: field
        }
    }
}
