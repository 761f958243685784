import Foundation
import GroundbreakDomain
@testable import GroundbreakStore
import GroundbreakTestSupport
import Testing

/// What a unit's targets page sums from kept parts — its figures, its 四率, its 前期工作目标 — held
/// against the same figures computed from the projects as they stand.
extension ProjectPartsKeeperTests {
    /// The city, a district and a department.
    static func expectKeptTargets(_ store: StoreOn) async throws {
        // A unit's targets page sums the same parts: the city, a district and a department, as from their projects now.
        let targets = TargetRepository(database: store.database)
        let city = try #require(store.catalog.regions.first { $0.kind == .city })
        let units = [TargetUnit(kind: .region, code: city.code), TargetUnit(kind: .region, code: "220104"),
                     TargetUnit(kind: .department, code: try #require(store.catalog.departments.first).code)]
        for unit in units {
            let summed = try await targets.actuals(unit: unit, month: month, catalog: store.catalog, reportRules: rules, indicators: indicators)
            let read = IndicatorCalculator.actuals(try await targets.inputs(unit: unit, month: month, scope: .everything, catalog: store.catalog), catalog: indicators)
            #expect(summed == read, "\(unit.text): the targets page's figures from the kept parts")
        }
        let cityFigures = try await targets.actuals(unit: units[0], month: month, catalog: store.catalog, reportRules: rules, indicators: indicators)
        #expect((cityFigures[IndicatorCalculator.investmentCode] ?? 0) > 0)
        // And its 四率 the same projects' four-rate parts, as their plans, reports, admissions and open items give them now.
        let open = try await ProjectApprovalRepository(database: store.database).projectsWithOpenItems()
        let admitted = try await StatsInclusionRepository(database: store.database).inclusions(scope: .everything).mapValues(\.admittedOn)
        for unit in units {
            let summed = try await FourRatesRepository(database: store.database).rates(unit: unit, catalog: store.catalog, reportRules: rules, today: testToday)
            let projects = try await ProjectRepository(database: store.database).projects(inStages: Stage.allCases, scope: .everything,
                                                                                            where: unit.membership(store.catalog))
            let (plans, done) = try await targets.yearPlansAndDispatch(of: Set(projects.map(\.id)), today: testToday, plannedOnly: true)
            let read = FourRatesCalculator.rates(.init(projects: projects, plans: plans, yearDispatch: done, admittedOn: admitted, openApprovals: open,
                                                       reportRules: rules, today: testToday))
            #expect(summed == read, "\(unit.text): the targets page's 四率 from the kept parts")
            if unit == units[0] { #expect(read.allSatisfy { $0.whole > 0 && $0.part > 0 }, "every rate measured: \(read)") }
        }
        try await expectKeptGroundwork(store, units: units)
    }

    /// The groundwork's kept parts of each unit are what its projects and their reserve entries give
    /// now, and the city's readings counted from them are those counted from the projects.
    static func expectKeptGroundwork(_ store: StoreOn, units: [TargetUnit]) async throws {
        let entries = try await ReserveRepository(database: store.database).entries()
        let entryOf = Dictionary(uniqueKeysWithValues: entries.map { ($0.projectId, $0) })
        let projects = ProjectRepository(database: store.database)
        for unit in units {
            let kept = try await GroundworkPartsRepository(database: store.database).parts(unit: unit, catalog: store.catalog)
            let fresh = try await projects.projects(inStages: Stage.allCases, scope: .everything, where: unit.membership(store.catalog))
                .compactMap { GroundworkPart($0, entry: entryOf[$0.id]) }
            #expect(kept.map(\.id) == fresh.map(\.id), "\(unit.text): the same projects in id order, \(kept.count) kept, \(fresh.count) fresh")
            #expect(kept.indices.filter { kept[$0] != fresh[$0] }.map { kept[$0].id }.isEmpty, "\(unit.text): every part as its project and entry give it now")
        }
        let city = units[0]
        let measures = GroundworkTargets.measures(reserve: try ReserveRepository.rules(), campaigns: try CampaignRepository.catalog(), year: testToday.year)
        let cityProjects = try await projects.projects(inStages: Stage.allCases, scope: .everything, where: city.membership(store.catalog))
        let reserved = Dictionary(uniqueKeysWithValues: cityProjects.filter { entryOf[$0.id] != nil }.map { ($0.id, $0) })
        let started = cityProjects.filter { GroundworkPart.underWayStages.contains($0.stage) }
        for day in [testToday, Month(testToday).previous.lastDay, Day(year: testToday.year, month: 3, day: 31)!] {
            let counted = GroundworkTargets.readings(measures: measures, year: day.year, asOf: day,
                                                     parts: try await GroundworkPartsRepository(database: store.database).parts(unit: city, catalog: store.catalog),
                                                     funding: nil, set: [], isCity: true)
            let read = GroundworkTargets.readings(measures: measures, year: day.year, asOf: day, reserved: reserved, started: started, entries: entries,
                                                  funding: nil, set: [], isCity: true)
            #expect(counted == read, "\(day.iso): the city's groundwork from the kept parts")
            if day == testToday { #expect(read.allSatisfy { $0.count > 0 }, "every measure counts something: \(read.map(\.count))") }
        }
    }
}
