import GroundbreakDomain

extension CampaignsEndpoints {
    var contract: OperationContract? {
        typealias T = WebText.CampaignsContract
        switch self {
        case .listPage, .listXLSX, .create, .show, .showXLSX, .setProject:
            return nil
        case .apiList:
            return OperationContract("campaigns", T.list, query: [.text("year", T.year)], answers: [.ok(CampaignYearDTO.self, T.answer)],
                                     failures: [.forbidden(T.forbidden), .badQuery(T.badQuery)])
        case .apiShow:
            return OperationContract("campaign", T.show, answers: [.ok(CampaignDTO.self, T.answer)])
        case .apiCreate:
            return OperationContract("createCampaign", T.create, body: .json(CampaignCreateRequest.self), answers: [.created(CampaignDTO.self, T.answer)],
                                     failures: [.forbidden(T.forbidden), .invalid(T.invalid)])
        case .apiProjects:
            return OperationContract("setCampaignProject", T.projects, body: .json(CampaignProjectRequest.self), answers: [.ok(CampaignDTO.self, T.answer)],
                                     failures: [.forbidden(T.forbidden), .invalid(T.invalid)])
        }
    }
}

extension CampaignDTO: ContractSchema {
    static let contractName: String? = "Campaign"
    static let fieldNotes: [String: [FieldNote]] = ["heldOn": [.date]]
}
extension CampaignDTO.Line: ContractSchema {
    static let contractName: String? = "CampaignProject"
    static let fieldNotes: [String: [FieldNote]] = ["plannedStart": [.date], "actualStart": [.date]]
}
extension CampaignYearDTO: ContractSchema { static let contractName: String? = "CampaignYear" }
extension CampaignCreateRequest: ContractSchema {
    static let contractName: String? = "CampaignCreate"
    static let fieldNotes: [String: [FieldNote]] = ["heldOn": [.date]]
}
extension CampaignProjectRequest: ContractSchema { static let contractName: String? = "CampaignProjectChange" }
