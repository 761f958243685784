import GroundbreakDomain

extension SchemesEndpoints {
    var contract: OperationContract? {
        typealias T = WebText.SchemesContract
        switch self {
        case .schemesPage, .schemeCreate, .schemeClassAdd, .schemeClassEdit:
            return nil
        case .apiSchemes:
            return OperationContract("listSchemes", T.list, query: [.text("region", T.region)], answers: [.list(SchemesAPI.SchemeDTO.self, T.schemes)])
        case .apiSchemeCreate:
            return OperationContract("createScheme", T.create, body: .json(SchemeRequest.self), answers: [.created(SchemesAPI.SchemeDTO.self, T.created)],
                                     failures: [.forbidden(T.forbidden), .invalid(T.invalid)])
        case .apiSchemeClassAdd:
            return OperationContract("addSchemeClass", T.addClass, body: .json(SchemeClassRequest.self, name: "SchemeClassCreate", notes: ["name": [.required]]),
                                     answers: [.created(SchemesAPI.ClassDTO.self, T.classCreated)],
                                     failures: [.forbidden(T.forbidden), .conflict(T.conflict), .invalid(T.invalid)])
        case .apiSchemeClassEdit:
            return OperationContract("editSchemeClass", T.editClass, body: .json(SchemeClassRequest.self, name: "SchemeClassPatch", notes: ["version": [.required]]),
                                     answers: [.ok(SchemesAPI.ClassDTO.self, T.classSaved)],
                                     failures: [.forbidden(T.forbidden), .conflict(T.conflict), .invalid(T.invalid)])
        }
    }
}

extension SchemesAPI.SchemeDTO: ContractSchema {
    static let contractName: String? = "ClassificationScheme"
    static let fieldNotes: [String: [FieldNote]] = ["version": [.note(WebText.SchemesContract.version)]]
}

extension SchemesAPI.ClassDTO: ContractSchema {
    static let contractName: String? = "SchemeClass"
    static let fieldNotes: [String: [FieldNote]] = [
        "shortName": [.note(WebText.SchemesContract.shortName)], "categoryCode": [.note(WebText.SchemesContract.categoryCode)],
        "confirmed": [.note(WebText.SchemesContract.confirmed)], "projects": [.note(WebText.SchemesContract.projects)],
    ]
}

extension SchemeRequest: ContractSchema {
    static let contractName: String? = "SchemeCreate"
    static let fieldNotes: [String: [FieldNote]] = ["name": [.maxLength(ClassificationScheme.maxName)]]
}

extension SchemeClassRequest: ContractSchema {
    static let fieldNotes: [String: [FieldNote]] = [
        "name": [.maxLength(ClassificationScheme.maxName)], "shortName": [.maxLength(ClassificationScheme.maxName), .note(WebText.SchemesContract.shortName)],
        "categoryCode": [.note(WebText.SchemesContract.categoryCode)], "confirmed": [.note(WebText.SchemesContract.confirmed)],
        "version": [.note(WebText.SchemesContract.version)],
    ]
}
