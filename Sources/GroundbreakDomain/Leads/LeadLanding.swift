import Foundation

/// A lead that lands becomes a project on the ledger (issue 17: "one thread runs from the first
/// contact to 入统"). The project starts in the ledger's 招商 stage, filled from the lead as the
/// ledger form would be: what is left for the user is what the lead cannot say.
public enum LeadLanding {
    /// The ledger stage a landed lead's project starts in.
    public static let stage = Stage.attraction

    /// The project as the form would be filled from `lead`: its name, the investor as 项目单位
    /// (the registered company's code once it has one), the district (a zone's lead names the zone
    /// and leaves the district to the user), the division, the signed amount (else the intended
    /// one) and the kind of money; `categoryCode` is the class's category when the scheme says.
    public static func projectInput(_ lead: Lead, categoryCode: String?) -> ProjectInput {
        var input = ProjectInput()
        input.name = lead.title
        input.ownerName = lead.investor.name
        input.ownerCreditCode = lead.registeredCreditCode ?? lead.investor.creditCode ?? ""
        switch lead.unit.kind {
        case .region: input.regionCode = lead.unit.code
        case .zone: input.zoneCode = lead.unit.code
        case .department: break
        }
        input.industryDivision = lead.industryDivision ?? ""
        input.categoryCode = categoryCode ?? ""
        let foreign = lead.signing?.capital == .foreign || [.foreign, .hongKongMacaoTaiwan].contains(lead.investor.kind)
        input.investmentType = (foreign ? InvestmentType.foreign : .enterprise).rawValue
        let amount = lead.signing?.amount ?? lead.intendedInvestment
        input.totalInvestmentWan = amount > .zero ? amount.exactWanText : ""
        return input
    }
}
