extension FilesEndpoints {
    var contract: OperationContract? {
        switch self {
        case .fileShow: nil
        }
    }
}
