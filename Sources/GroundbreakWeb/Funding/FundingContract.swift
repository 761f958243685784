import GroundbreakDomain

extension FundingEndpoints {
    var contract: OperationContract? {
        typealias T = WebText.FundingContract
        let filters: [QueryParameter] = [.text("channel", T.channel), .choice("state", FundingState.allCases.map(\.rawValue), T.state), .text("unit", T.unit),
                                         .text("year", T.year), .text("q", T.text)]
        switch self {
        case .listPage, .listXLSX, .newPage, .create, .show, .editPage, .update, .record, .checklist, .figuresPage, .figuresXLSX, .windowsPage, .windowCreate, .provinceSet, .importPage,
             .importUpload, .importCommit:
            return nil
        case .apiImport:
            return ImportsEndpoints.upload("importFundingList", T.importList, conflict: T.importChanged)
        case .apiList:
            return OperationContract("listFundingApplications", T.list, query: filters, answers: [.list(FundingApplicationDTO.self, T.answer)],
                                     failures: [.forbidden(T.forbidden), .badQuery(T.badQuery)])
        case .apiCreate:
            return OperationContract("createFundingApplication", T.create, body: .json(FundingCreateRequest.self), answers: [.created(FundingApplicationDTO.self, T.created)],
                                     failures: [.forbidden(T.forbidden), .invalid(T.invalid)])
        case .apiShow:
            return OperationContract("fundingApplication", T.show, answers: [.ok(FundingDetailDTO.self, T.detail)])
        case .apiRevise:
            return OperationContract("reviseFundingApplication", T.revise, body: .json(FundingReviseRequest.self), answers: [.ok(FundingApplicationDTO.self, T.created)],
                                     failures: [.forbidden(T.forbidden), .conflict(T.conflict), .invalid(T.invalid)])
        case .apiRecord:
            return OperationContract("recordFundingEvent", T.record, body: .json(FundingEventRequest.self), answers: [.ok(FundingApplicationDTO.self, T.answer)],
                                     failures: [.forbidden(T.forbidden), .conflict(T.conflict), .invalid(T.invalid)])
        case .apiChecklist:
            return OperationContract("answerFundingChecklist", T.checklist, body: .json(FundingChecklistRequest.self), answers: [.ok(FundingDetailDTO.self, T.detail)],
                                     failures: [.forbidden(T.forbidden), .conflict(T.conflict), .invalid(T.invalid)])
        case .apiFigures:
            return OperationContract("fundingFigures", T.figures, query: [.date("through", T.through)], answers: [.ok(FundingFiguresDTO.self, T.figuresAnswer)],
                                     failures: [.forbidden(T.forbidden), .badQuery(T.badQuery)])
        case .apiWindows:
            return OperationContract("fundingWindows", T.windows, answers: [.list(FundingWindowDTO.self, T.windowAnswer)], failures: [.forbidden(T.forbidden)])
        case .apiWindowCreate:
            return OperationContract("createFundingWindow", T.createWindow, body: .json(FundingWindowRequest.self), answers: [.created(FundingWindowDTO.self, T.windowAnswer)],
                                     failures: [.forbidden(T.forbidden), .invalid(T.invalid)])
        case .apiProvince:
            return OperationContract("setProvinceFunding", T.province, body: .json(ProvinceFundingRequest.self), answers: [.ok(ProvinceFundingDTO.self, T.provinceAnswer)],
                                     failures: [.forbidden(T.forbidden), .invalid(T.invalid)])
        }
    }
}

extension FundingApplicationDTO: ContractSchema {
    static let contractName: String? = "FundingApplication"
    static let fieldNotes: [String: [FieldNote]] = [
        "state": [.values(FundingState.self)], "unit": [.note(WebText.FundingContract.unit)], "askedYuan": [.note(WebText.FundingContract.yuan)],
        "stateSince": [.date], "createdOn": [.date], "submittedOn": [.date],
    ]
}

extension FundingApplicationDTO.Part: ContractSchema { static let contractName: String? = "FundingApplicationProject" }
extension FundingDetailDTO: ContractSchema { static let contractName: String? = "FundingApplicationDetail" }
extension FundingDetailDTO.ProjectPart: ContractSchema {
    static let contractName: String? = "FundingProjectReading"
    static let fieldNotes: [String: [FieldNote]] = ["stage": [.values(Stage.self)]]
}
extension FundingDetailDTO.Line: ContractSchema { static let contractName: String? = "FundingChecklistLine" }
extension FundingDetailDTO.Event: ContractSchema {
    static let contractName: String? = "FundingEvent"
    static let fieldNotes: [String: [FieldNote]] = ["kind": [.values(FundingEvent.Kind.self)], "on": [.date]]
}
extension FundingDetailDTO.Late: ContractSchema {
    static let contractName: String? = "FundingLateSpending"
    static let fieldNotes: [String: [FieldNote]] = ["dueOn": [.date]]
}
extension FundingFiguresDTO: ContractSchema {
    static let contractName: String? = "FundingFigures"
    static let fieldNotes: [String: [FieldNote]] = ["through": [.date]]
}
extension FundingFiguresDTO.Measures: ContractSchema { static let contractName: String? = "FundingMeasures" }
extension FundingFiguresDTO.Share: ContractSchema {
    static let contractName: String? = "FundingProvinceShare"
    static let fieldNotes: [String: [FieldNote]] = ["projectsPercent": [.note(WebText.FundingContract.percent)], "amountPercent": [.note(WebText.FundingContract.percent)]]
}
extension FundingFiguresDTO.Line: ContractSchema {
    static let contractName: String? = "FundingFiguresLine"
    static let fieldNotes: [String: [FieldNote]] = ["issuedGrowth": [.note(WebText.FundingContract.percent)]]
}
extension FundingFiguresDTO.Late: ContractSchema { static let contractName: String? = "FundingLateApplication" }
extension FundingWindowDTO: ContractSchema {
    static let contractName: String? = "FundingWindow"
    static let fieldNotes: [String: [FieldNote]] = ["opensOn": [.date], "closesOn": [.date]]
}
extension ProvinceFundingDTO: ContractSchema { static let contractName: String? = "ProvinceFunding" }
extension FundingCreateRequest: ContractSchema { static let contractName: String? = "FundingApplicationCreate" }
extension FundingReviseRequest: ContractSchema {
    static let contractName: String? = "FundingApplicationRevise"
    static let fieldNotes: [String: [FieldNote]] = ["version": [.version]]
}
extension FundingCreateRequest.Part: ContractSchema { static let contractName: String? = "FundingApplicationCreateProject" }
extension FundingEventRequest: ContractSchema {
    static let contractName: String? = "FundingEventCreate"
    static let fieldNotes: [String: [FieldNote]] = ["kind": [.values(FundingEvent.Kind.self)], "on": [.date]]
}
extension FundingChecklistRequest: ContractSchema { static let contractName: String? = "FundingChecklistAnswers" }
extension FundingChecklistRequest.Answer: ContractSchema { static let contractName: String? = "FundingChecklistAnswer" }
extension FundingWindowRequest: ContractSchema {
    static let contractName: String? = "FundingWindowCreate"
    static let fieldNotes: [String: [FieldNote]] = ["opensOn": [.date], "closesOn": [.date]]
}
extension ProvinceFundingRequest: ContractSchema { static let contractName: String? = "ProvinceFundingSet" }
