import Plot
import Foundation
import GroundbreakDomain
import GroundbreakStore

/// 四率 of a set of projects the page has already read, with what only they need: admissions and
/// the projects whose approval items are still open.
enum FourRatesReading {
    static func rates(_ input: EndpointRequest, projects: [Project], plans: [AnnualPlan], yearDispatch: [Int64: Money]) async throws -> [FourRate] {
        try await rates(input.services, scope: input.scope(.viewProjects), openApprovals: try await openApprovals(input), projects: projects, plans: plans,
                        yearDispatch: yearDispatch, today: input.today)
    }

    /// The projects whose approval items are still open; `rates` keeps those of the projects it
    /// is given, which are the caller's.
    static func openApprovals(_ input: EndpointRequest) async throws -> Set<Int64> {
        try await input.services.approvals.projectsWithOpenItems()
    }

    static func rates(_ services: AppServices, scope: ProjectScope, openApprovals: Set<Int64>, projects: [Project], plans: [AnnualPlan],
                      yearDispatch: [Int64: Money], today: Day) async throws -> [FourRate] {
        let ids = Set(projects.map(\.id))
        let admitted = try await StatsInclusionRepository(database: services.database).inclusions(scope: scope).filter { ids.contains($0.key) }.mapValues(\.admittedOn)
        return FourRatesCalculator.rates(FourRatesCalculator.Inputs(projects: projects, plans: plans, yearDispatch: yearDispatch, admittedOn: admitted,
                                                                    openApprovals: openApprovals.intersection(ids), reportRules: services.reportRules, today: today))
    }
}

/// The four rates as tiles, each with its formula under it.
enum FourRatesView {
    static func tiles<C: HTML.BodyContext>(_ rates: [FourRate], catalog: FourRateCatalog) -> Node<C> {
        .element(named: "div", nodes: [.class("tiles four-rates")] + rates.map { rate in
            let definition = catalog.rates.first { $0.code == rate.code }
            let whole = rate.code == .completion ? Format.wan(Money(approximately: rate.whole) ?? .zero) : String(Int(rate.whole))
            let part = rate.code == .completion ? Format.wan(Money(approximately: rate.part) ?? .zero) : String(Int(rate.part))
            return .element(named: "div", nodes: [
                .class("tile"),
                .element(named: "span", nodes: [.class("tile-count"), .text(rate.percent.map { Decimals.percent($0) } ?? WebText.Portfolio.none)]),
                .element(named: "span", nodes: [.class("tile-label"), .text(definition?.name ?? rate.code.rawValue)]),
                .element(named: "span", nodes: [.class("tile-label"), .text(WebText.Portfolio.ratio(part, whole))]),
                .element(named: "span", nodes: [.class("formula"), .text(definition?.formula ?? "")]),
            ])
        })
    }
}
