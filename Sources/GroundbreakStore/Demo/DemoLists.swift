import Foundation
import GroundbreakDomain
import SQLKit

/// The units' own schemes from the seeds (`demo_schemes.json`) with every demo project in a
/// class, the city's and each district's year lists for last year and this year (the officials'
/// 建设性质 as the dates imply it, this year's planned investment from the annual plans), and
/// admission to the statistics library for most started projects — so 同比, the statistics
/// paragraph and 入统 show real figures on a fresh demo.
enum DemoLists {
    struct File: Decodable {
        struct Scheme: Decodable {
            struct Class: Decodable {
                var name: String
                var short: String?
                var category: String?
                var synonyms: [String]?
                var covers: [String]?
                var rest: Bool?
            }
            var region: String
            var name: String
            var classes: [Class]
        }
        struct ListSpec: Decodable {
            var region: String?
            var districts: Bool?
            var thresholdWan: Int64
            var level: String
            var title: String
        }
        var schemes: [Scheme]
        var yearLists: [ListSpec]
    }

    static func file() throws -> File {
        try JSONDecoder().decode(File.self, from: Data(try ReferenceDataLoader.bundledText("demo_schemes.json").utf8))
    }

    static func load(projects: [DemoDataset.ProjectSpec], plans: [AnnualPlan], catalog: ReferenceCatalog, today: Day, seed: UInt64,
                     actor: AuditActor, now: Date, db: any SQLDatabase) async throws {
        let file = try file()
        let built = projects.map { Project(id: $0.id, fields: $0.fields, stage: $0.stage, createdAt: now, updatedAt: now, version: 1) }
        try await loadSchemes(file.schemes, projects: built, catalog: catalog, actor: actor, now: now, db: db)
        try await loadYearLists(file.yearLists, projects: built, plans: plans, catalog: catalog, today: today, actor: actor, now: now, db: db)
        try await loadInclusions(built, today: today, seed: seed, now: now, db: db)
    }

    static func loadSchemes(_ specs: [File.Scheme], projects: [Project], catalog: ReferenceCatalog, actor: AuditActor, now: Date, db: any SQLDatabase) async throws {
        for spec in specs where catalog.region(spec.region) != nil {
            var scheme = try await SchemeRepository.ensure(regionCode: spec.region, name: spec.name, actor: actor, now: now, db: db)
            guard scheme.classes.isEmpty else { continue }
            var ids: [(File.Scheme.Class, Int64)] = []
            for item in spec.classes {
                let saved = try await SchemeRepository.insertClass(
                    SchemeClass(schemeId: scheme.id, name: item.name, shortName: item.short ?? "", categoryCode: item.category, synonyms: item.synonyms ?? []),
                    actor: actor, now: now, reason: StoreText.demoReason, db: db)
                scheme.classes.append(saved)
                ids.append((item, saved.id))
            }
            let region = catalog.regionSubtree(spec.region)
            var rows: [SQLQueryString] = []
            for project in projects where region.contains(project.fields.regionCode) {
                let code = project.fields.categoryCode
                let found = ids.first { entry in (entry.0.covers ?? []).contains { code == $0 || code.hasPrefix($0 + "-") } } ?? ids.first { $0.0.rest == true }
                if let found { rows.append("(\(bind: project.id), \(bind: scheme.id), \(bind: found.1))") }
            }
            for batch in rows.chunked(into: DemoLoader.batchSize) {
                try await db.raw("INSERT INTO project_classes (project_id, scheme_id, class_id) VALUES \(batch.joined(separator: ", "))").run()
            }
        }
    }

    static func loadYearLists(_ specs: [File.ListSpec], projects: [Project], plans: [AnnualPlan], catalog: ReferenceCatalog, today: Day,
                              actor: AuditActor, now: Date, db: any SQLDatabase) async throws {
        let city = catalog.regions.first { $0.kind == .city }?.code ?? "220100"
        let planned = Dictionary(plans.map { ("\($0.projectId)|\($0.year)", $0.plannedInvestment) }, uniquingKeysWith: { first, _ in first })
        for spec in specs {
            let regions = spec.districts == true ? catalog.regions.filter { $0.parentCode == city && $0.aliasOf == nil }.map(\.code) : [spec.region ?? city]
            for region in regions {
                let subtree = catalog.regionSubtree(region)
                let name = catalog.region(region)?.name ?? region
                for year in [today.year - 1, today.year] {
                    let onList = projects.filter { project in
                        subtree.contains(project.fields.regionCode) && project.fields.totalInvestment >= .wan(spec.thresholdWan)
                            && ListNature.implied(by: project, year: year) != nil && project.stage != .cancelled
                    }
                    guard !onList.isEmpty else { continue }
                    let title = spec.title.replacingOccurrences(of: "{year}", with: String(year)).replacingOccurrences(of: "{region}", with: name)
                    let list = try await YearListRepository.ensure(
                        YearList(regionCode: region, year: year, threshold: .wan(spec.thresholdWan), level: ProjectLevel(rawValue: spec.level), title: title),
                        actor: actor, now: now, db: db)
                    let rows: [SQLQueryString] = onList.map { project in
                        let nature = ListNature.implied(by: project, year: year)
                        return "(\(bind: list.id), \(bind: project.id), \(bind: nature?.rawValue), \(bind: planned["\(project.id)|\(year)"]?.yuan))"
                    }
                    for batch in rows.chunked(into: DemoLoader.batchSize) {
                        try await db.raw("""
                            INSERT INTO year_list_entries (list_id, project_id, nature, planned_investment_yuan) VALUES \(batch.joined(separator: ", "))
                            """).run()
                    }
                }
            }
        }
    }

    /// Most started projects admitted 10–40 days after their start (never after today), first
    /// reporting the month after; the rest not yet admitted, as a real library has some.
    static func loadInclusions(_ projects: [Project], today: Day, seed: UInt64, now: Date, db: any SQLDatabase) async throws {
        var random = SeededGenerator(seed: seed ^ 0x1A1A_5E5E_2B2B_7C7C)
        let stamp = StoredTime.text(now)
        var rows: [SQLQueryString] = []
        for project in projects where [.construction, .operation].contains(project.stage) {
            guard let started = project.fields.actualStart, random.chance(0.85) else { continue }
            let admitted = min(started.adding(days: Int.random(in: 10...40, using: &random)), today)
            let first = Month(admitted).next
            rows.append("(\(bind: project.id), \(bind: admitted.iso), \(bind: first <= Month(today) ? first.iso : nil), '', \(bind: StoreText.demoReason), \(bind: stamp), 1)")
        }
        for batch in rows.chunked(into: DemoLoader.batchSize) {
            try await db.raw("""
                INSERT INTO stats_inclusions (project_id, admitted_on, first_reported_month, note, recorded_by, updated_at, version) VALUES \(batch.joined(separator: ", "))
                """).run()
        }
    }
}
