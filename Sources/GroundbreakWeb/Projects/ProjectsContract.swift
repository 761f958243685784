import GroundbreakDomain

extension ProjectsEndpoints {
    var contract: OperationContract? {
        typealias T = WebText.ProjectsContract
        switch self {
        case .ledgerPage, .ledgerCSV, .ledgerXLSX, .projectNewPage, .projectCreate, .projectShowPage, .projectEditPage, .projectUpdate,
             .projectTransition:
            return nil
        case .apiListProjects:
            return OperationContract("listProjects", T.list, query: Self.ledgerQuery, answers: [.ok(ProjectListDTO.self, T.listAnswer)],
                                     failures: [.badQuery(T.badQuery)])
        case .apiCreateProject:
            let required = ["name", "regionCode", "categoryCode", "investmentType", "totalInvestment"]
            return OperationContract("createProject", T.create,
                                     body: .json(ProjectWriteDTO.self, name: "ProjectCreate",
                                                 notes: Dictionary(uniqueKeysWithValues: required.map { ($0, [FieldNote.required]) })
                                                     .merging(["stage": [.note(T.initialStage), .values(Stage.self)], "version": [.hidden]]) { $0 + $1 }),
                                     answers: [.created(ProjectDTO.self, T.created)], failures: [.invalid(T.invalid)])
        case .apiGetProject:
            return OperationContract("getProject", T.get, answers: [.ok(ProjectDTO.self, T.project)])
        case .apiUpdateProject:
            return OperationContract("updateProject", T.update,
                                     body: .json(ProjectWriteDTO.self, name: "ProjectPatch", notes: ["version": [.required], "stage": [.hidden]]),
                                     answers: [.ok(ProjectDTO.self, T.updated)], failures: [.conflict(T.conflict), .invalid(T.invalid)])
        case .apiTransitionProject:
            return OperationContract("transitionProject", T.transition, body: .json(TransitionRequestDTO.self),
                                     answers: [.ok(ProjectDTO.self, T.transitioned)],
                                     failures: [.conflict(T.conflict), .invalid(T.invalidTransition)])
        case .apiProjectHistory:
            return OperationContract("listTransitions", T.history, answers: [.list(TransitionDTO.self, T.historyAnswer)])
        }
    }

    private static var ledgerQuery: [QueryParameter] {
        typealias T = WebText.ProjectsContract
        return [
            .text("region", T.region), .text("zone", T.zone), .text("stage", T.stage + "：" + Stage.allCases.map(\.rawValue).joined(separator: ",")),
            .text("category", T.category), .text("section", T.section), .text("division", T.division), .text("sizeBand", T.sizeBand),
            .choice("level", ProjectLevel.allCases.map(\.rawValue), T.level), .text("tag", T.tag), .text("leadDepartment", T.leadDepartment),
            .text("minWan", T.minWan), .text("maxWan", T.maxWan), .text("q", T.text),
            .choice("nature", YearActivity.allCases.map(\.rawValue), T.nature), .integer("year", nil, T.year),
            .integer("class", 1...Int64.max, T.schemeClass), .flag("owed", T.owed), .integer("list", 1...Int64.max, T.yearList),
            .choice("light", WarningColour.allCases.map(\.rawValue), T.light),
            .choice("sort", ProjectQuery.SortKey.allCases.map(\.rawValue), T.sort), .choice("order", ["asc", "desc"], T.order),
            .integer("page", 1...1_000_000, T.page), .integer("perPage", 1...500, T.perPage),
        ]
    }
}

extension ProjectWriteDTO: ContractSchema {
    static let fieldNotes: [String: [FieldNote]] = {
        typealias T = WebText.ProjectsContract
        let dates: [String: [FieldNote]] = ["plannedStart": [.date], "plannedCompletion": [.date], "actualStart": [.date], "actualCompletion": [.date]]
        return dates.merging([
            "name": [.maxLength(ProjectValidator.maxNameLength)], "ownerName": [.maxLength(ProjectValidator.maxNameLength)],
            "constructionContent": [.maxLength(ProjectValidator.maxContentLength)], "address": [.maxLength(ProjectValidator.maxAddressLength)],
            "totalInvestment": [.note(T.yuan), .yuan], "investmentType": [.values(InvestmentType.self)], "levels": [.values(ProjectLevel.self)],
            "sponsorPositionId": [.identifier], "secretaryPositionId": [.identifier], "version": [.version],
        ]) { $0 + $1 }
    }()
}

extension TransitionRequestDTO: ContractSchema {
    static let contractName: String? = "TransitionRequest"
    static let fieldNotes: [String: [FieldNote]] = [
        "target": [.values(Stage.self)],
        "actualStart": [.date], "actualCompletion": [.date], "version": [.version],
    ]
}

extension ProjectDTO: ContractSchema {
    static let contractName: String? = "Project"
    static let fieldNotes: [String: [FieldNote]] = {
        typealias T = WebText.ProjectsContract
        return [
            "code": [.note(T.code)], "codeFormat": [.values(["current", "legacy"])], "investmentType": [.values(InvestmentType.self)],
            "totalInvestment": [.note(T.yuan)], "totalInvestmentWan": [.note(T.wan)],
            "plannedStart": [.date], "plannedCompletion": [.date], "actualStart": [.date], "actualCompletion": [.date],
            "constructionNature": [.values(ConstructionNature.self)], "stage": [.values(Stage.self)], "suspendedFrom": [.values(Stage.self)],
            "levels": [.values(ProjectLevel.self)], "version": [.note(T.version)],
        ]
    }()
}

extension ProjectDTO.CodeName: ContractSchema {
    static let contractName: String? = "CodeName"
}

extension ProjectDTO.Flag: ContractSchema {
    static let fieldNotes: [String: [FieldNote]] = ["severity": [.values(FlagRule.Severity.self)]]
}

extension ProjectListDTO: ContractSchema {
    static let contractName: String? = "ProjectList"
    static let fieldNotes: [String: [FieldNote]] = [
        "totalCount": [.note(WebText.ProjectsContract.totalCount)], "totalInvestment": [.note(WebText.ProjectsContract.totalInvestment)],
    ]
}

extension TransitionDTO: ContractSchema {
    static let contractName: String? = "Transition"
    static let fieldNotes: [String: [FieldNote]] = ["from": [.values(Stage.self)], "to": [.values(Stage.self)]]
}
