import GroundbreakDomain
import GroundbreakOffice

extension ImportsEndpoints {
    var contract: OperationContract? {
        switch self {
        case .importsPage, .importUpload, .importCommit:
            nil
        case .apiImportProjects:
            Self.upload("importProjects", WebText.ImportsContract.projects, conflict: WebText.ImportsContract.projectsChanged)
        case .apiImportMonthly:
            Self.upload("importMonthly", WebText.ImportsContract.monthly, conflict: WebText.ImportsContract.reportsChanged)
        }
    }

    /// Every import takes a file and answers alike: a preview, or the batch written (the leads'
    /// 签约项目台账 too).
    static func upload(_ id: String, _ summary: String, conflict: String) -> OperationContract {
        typealias T = WebText.ImportsContract
        return OperationContract(id, summary, query: [.text("fileName", T.fileName), .flag("commit", T.commit)] + (id == "importProjects" ? [.integer("year", 2000...2100, T.year)] : []), body: .file(T.mediaTypes),
                                 answers: [.ok(ImportResultDTO.self, T.preview), .created(ImportResultDTO.self, T.written)],
                                 failures: [.forbidden(T.forbidden), .conflict(conflict), .invalid(T.invalid), .busy(T.busy)]
                                    + (id == "importProjects" ? [.badQuery(T.badYear)] : []))
    }
}

extension ImportResultDTO: ContractSchema {
    static let contractName: String? = "ImportResult"
    static let fieldNotes: [String: [FieldNote]] = [
        "kind": [.note(WebText.ImportsContract.kind), .values(ImportRecord.Kind.self)], "importId": [.note(WebText.ImportsContract.importId)],
    ]
}

extension ImportResultDTO.Problem: ContractSchema {
    static let fieldNotes: [String: [FieldNote]] = ["row": [.note(WebText.ImportsContract.row)], "column": [.note(WebText.ImportsContract.column)]]
}

extension ImportResultDTO.Ledger: ContractSchema {
    static let contractName: String? = "ImportLedgerFile"
    static let fieldNotes: [String: [FieldNote]] = [
        "yearSource": [.values(LedgerFile.YearSource.self), .note(WebText.ImportsContract.yearSource)], "level": [.values(ProjectLevel.self)],
        "newClasses": [.note(WebText.ImportsContract.newClasses)], "owedRows": [.note(WebText.ImportsContract.owedRows)],
        "schemeName": [.note(WebText.ImportsContract.schemeName)],
    ]
}

extension ImportResultDTO.Row: ContractSchema {
    static let fieldNotes: [String: [FieldNote]] = ["action": [.values(RowAction.self)]]
}
