import GroundbreakDomain

extension LeadsEndpoints {
    var contract: OperationContract? {
        typealias T = WebText.LeadsContract
        let filters: [QueryParameter] = [.text("unit", T.unit), .text("stage", T.stage), .choice("status", LeadStatus.allCases.map(\.rawValue), T.status), .text("channel", T.channel),
                                         .flag("overdue", T.overdue), .text("q", T.text)]
        switch self {
        case .leadsPage, .leadsXLSX, .leadNew, .leadCreate, .leadShow, .leadEvent, .leadLink, .leadLand, .importPage, .importUpload, .importCommit, .dispatchPage, .dispatchXLSX, .activitiesPage, .activityCreate, .fundsPage, .fundsCreate, .rhythmXLSX, .fundsXLSX:
            return nil
        case .apiLeads:
            return OperationContract("listLeads", T.list, query: filters, answers: [.list(LeadDTO.self, T.answer)],
                                     failures: [.forbidden(T.forbidden), .badQuery(T.badQuery)])
        case .apiFunnel:
            return OperationContract("leadFunnel", T.funnel, query: filters, answers: [.ok(LeadFunnelDTO.self, T.funnelAnswer)],
                                     failures: [.forbidden(T.forbidden), .badQuery(T.badQuery)])
        case .apiLead:
            return OperationContract("lead", T.show, answers: [.ok(LeadDetailDTO.self, T.answer)])
        case .apiLeadCreate:
            return OperationContract("createLead", T.create, body: .json(LeadCreateRequest.self), answers: [.created(LeadDTO.self, T.created)],
                                     failures: [.forbidden(T.forbidden), .invalid(T.invalid)])
        case .apiActivities:
            return OperationContract("listLeadActivities", T.activities, query: [.month("month", T.month)], answers: [.list(AttractionActivityDTO.self, T.activityAnswer)],
                                     failures: [.forbidden(T.forbidden), .badQuery(T.badQuery)])
        case .apiRhythm:
            return OperationContract("leadRhythm", T.rhythm, query: [.month("month", T.month)], answers: [.ok(AttractionRhythmDTO.self, T.rhythmAnswer)],
                                     failures: [.forbidden(T.forbidden), .badQuery(T.badQuery)])
        case .apiActivityCreate:
            return OperationContract("recordLeadActivity", T.createActivity, body: .json(AttractionActivityRequest.self),
                                     answers: [.created(AttractionActivityDTO.self, T.activityAnswer)], failures: [.forbidden(T.forbidden), .invalid(T.invalid)])
        case .apiFunds:
            return OperationContract("leadFunds", T.funds, query: [.month("month", T.month)], answers: [.ok(LeadFundsDTO.self, T.fundsAnswer)],
                                     failures: [.forbidden(T.forbidden), .badQuery(T.badQuery)])
        case .apiFundsCreate:
            return OperationContract("recordLeadFunds", T.recordFunds, body: .json(LeadFundsRequest.self), answers: [.created(LeadDetailDTO.Funds.self, T.fundsAnswer)],
                                     failures: [.forbidden(T.forbidden), .invalid(T.invalid)])
        case .apiLeadLink:
            return OperationContract("linkLeadProject", T.link, body: .json(LeadLinkRequest.self), answers: [.ok(LeadDTO.self, T.answer)],
                                     failures: [.forbidden(T.forbidden), .conflict(T.conflict), .invalid(T.noProject)])
        case .apiDispatch:
            return OperationContract("leadDispatch", T.dispatch, query: [.date("through", T.through)], answers: [.ok(LeadDispatchDTO.self, T.dispatchAnswer)],
                                     failures: [.forbidden(T.forbidden), .badQuery(T.badQuery)])
        case .apiImportSignings:
            return ImportsEndpoints.upload("importSigningLedger", T.importSignings, conflict: T.importChanged)
        case .apiLeadLand:
            return OperationContract("landLead", T.land, body: .json(LeadLandRequest.self), answers: [.created(LeadLandedDTO.self, T.landAnswer)],
                                     failures: [.forbidden(T.forbidden), .conflict(T.conflict), .invalid(T.invalid)])
        case .apiLeadEvent:
            return OperationContract("recordLeadEvent", T.record, body: .json(LeadEventRequest.self), answers: [.ok(LeadDTO.self, T.answer)],
                                     failures: [.forbidden(T.forbidden), .conflict(T.conflict), .invalid(T.invalid)])
        }
    }
}

extension LeadDTO: ContractSchema {
    static let contractName: String? = "Lead"
    static let fieldNotes: [String: [FieldNote]] = [
        "status": [.values(LeadStatus.self)], "intendedYuan": [.note(WebText.LeadsContract.yuan)], "unit": [.note(WebText.LeadsContract.unit)],
        "confidential": [.note(WebText.LeadsContract.confidential)],
    ]
}

extension LeadDTO.InvestorPart: ContractSchema {
    static let contractName: String? = "Investor"
    static let fieldNotes: [String: [FieldNote]] = ["kind": [.values(Investor.Kind.self)]]
}

extension LeadDTO.Signing: ContractSchema {
    static let contractName: String? = "LeadSigning"
    static let fieldNotes: [String: [FieldNote]] = ["contract": [.values(LeadSigning.Contract.self)], "capital": [.values(LeadSigning.Capital.self)], "on": [.date]]
}

extension LeadDTO.Clock: ContractSchema {
    static let contractName: String? = "LeadClock"
    static let fieldNotes: [String: [FieldNote]] = ["kind": [.values(LeadClock.Kind.self)], "state": [.values(LeadClock.State.self)], "due": [.date]]
}

extension LeadDetailDTO: ContractSchema {
    static let contractName: String? = "LeadDetail"
}

extension LeadDetailDTO.Event: ContractSchema {
    static let contractName: String? = "LeadEvent"
    static let fieldNotes: [String: [FieldNote]] = ["kind": [.values(LeadEvent.Kind.self)], "direction": [.values(LeadEvent.Direction.self)], "on": [.date]]
}

extension LeadFunnelDTO: ContractSchema {
    static let contractName: String? = "LeadFunnel"
}

extension LeadFunnelDTO.Step: ContractSchema {
    static let contractName: String? = "LeadFunnelStep"
}

extension LeadFunnelDTO.Rate: ContractSchema {
    static let contractName: String? = "LeadFunnelRate"
}

extension LeadLandRequest: ContractSchema {
    static let fieldNotes: [String: [FieldNote]] = [
        "totalInvestmentYuan": [.note(WebText.LeadsContract.yuan)], "plannedStart": [.date], "investmentType": [.values(InvestmentType.self)],
    ]
}

extension LeadLandedDTO: ContractSchema {}

extension LeadDispatchDTO: ContractSchema {
    static let fieldNotes: [String: [FieldNote]] = [
        "from": [.date], "through": [.date], "signingRate": [.note(WebText.LeadsContract.percent)], "registrationRate": [.note(WebText.LeadsContract.percent)],
    ]
}

extension LeadDispatchDTO.Group: ContractSchema {
    static let contractName: String? = "LeadDispatchGroup"
}

extension LeadDispatchDTO.Line: ContractSchema {
    static let contractName: String? = "LeadDispatchLine"
    static let fieldNotes: [String: [FieldNote]] = ["lastActivityOn": [.date], "stale": [.note(WebText.LeadsContract.stale)]]
}

extension LeadCreateRequest: ContractSchema {
    static let fieldNotes: [String: [FieldNote]] = [
        "title": [.maxLength(LeadRules.maxTitle)], "unit": [.note(WebText.LeadsContract.unit)], "intendedYuan": [.note(WebText.LeadsContract.yuan)],
        "createdOn": [.date], "channel": [.note(WebText.LeadsContract.channel)],
        "schemeClassId": [.note(WebText.LeadsContract.schemeClass)],
    ]
}

extension LeadCreateRequest.InvestorPart: ContractSchema {
    static let contractName: String? = "InvestorRequest"
    static let fieldNotes: [String: [FieldNote]] = ["kind": [.values(Investor.Kind.self)], "name": [.maxLength(LeadRules.maxName)]]
}

extension LeadEventRequest: ContractSchema {
    static let fieldNotes: [String: [FieldNote]] = [
        "kind": [.note(WebText.LeadsContract.eventKind)], "on": [.date], "direction": [.values(LeadEvent.Direction.self)], "note": [.maxLength(LeadRules.maxText)],
    ]
}

extension LeadEventRequest.Signing: ContractSchema {
    static let contractName: String? = "LeadSigningRequest"
    static let fieldNotes: [String: [FieldNote]] = ["contract": [.values(LeadSigning.Contract.self)], "capital": [.values(LeadSigning.Capital.self)], "on": [.date]]
}

extension LeadLinkRequest: ContractSchema {}

extension AttractionActivityDTO: ContractSchema {
    static let contractName: String? = "LeadActivity"
    static let fieldNotes: [String: [FieldNote]] = ["kind": [.values(AttractionActivity.Kind.self)], "on": [.date]]
}

extension AttractionRhythmDTO: ContractSchema {
    static let contractName: String? = "LeadRhythm"
    static let fieldNotes: [String: [FieldNote]] = ["month": [.month]]
}

extension AttractionRhythmDTO.Line: ContractSchema {
    static let contractName: String? = "LeadRhythmLine"
}

extension AttractionActivityRequest: ContractSchema {
    static let fieldNotes: [String: [FieldNote]] = [
        "kind": [.values(AttractionActivity.Kind.self)], "on": [.date], "unit": [.note(WebText.LeadsContract.unit)], "title": [.maxLength(LeadRules.maxTitle)],
        "note": [.maxLength(LeadRules.maxText)], "investorsMet": [.maxLength(LeadRules.maxText)],
    ]
}

extension LeadFundsDTO: ContractSchema {
    static let contractName: String? = "LeadFundsByUnit"
    static let fieldNotes: [String: [FieldNote]] = ["month": [.month]]
}

extension LeadFundsDTO.Line: ContractSchema {
    static let contractName: String? = "LeadFundsLine"
    static let fieldNotes: [String: [FieldNote]] = ["domesticGrowth": [.note(WebText.LeadsContract.growth)], "foreignGrowth": [.note(WebText.LeadsContract.growth)]]
}

extension LeadDetailDTO.Funds: ContractSchema {
    static let contractName: String? = "LeadFunds"
    static let fieldNotes: [String: [FieldNote]] = ["capital": [.values(LeadSigning.Capital.self)], "month": [.month], "currency": [.values(ArrivedFunds.currencies)]]
}

extension LeadFundsRequest: ContractSchema {
    static let fieldNotes: [String: [FieldNote]] = [
        "capital": [.values(LeadSigning.Capital.self)], "month": [.month], "currency": [.values(ArrivedFunds.currencies)],
        "amount": [.note(WebText.LeadsContract.fundsAmount)], "note": [.maxLength(LeadRules.maxText)],
    ]
}
