import GroundbreakDomain

extension MonthlyEndpoints {
    var contract: OperationContract? {
        typealias T = WebText.MonthlyContract
        switch self {
        case .projectReportsPage, .projectReportSubmit, .reportsBoard, .reportsBoardXLSX, .reportsUrge, .reportsAcceptMany, .reportReview, .reportsGrid, .reportsGridSave, .reportsClose, .reportsReopen,
             .projectPlanSave, .statsPage, .statsRecord, .targetsPage, .targetsXLSX, .targetSet, .groundworkTargetSet, .reportPhotoUpload:
            return nil
        case .apiProjectReports:
            return OperationContract("projectReports", T.projectReports, answers: [.list(ReportsAPI.ReportDTO.self, T.projectReportsAnswer)])
        case .apiSubmitReport:
            return OperationContract("submitReport", T.submit, body: .json(ReportsAPI.SubmitBody.self), answers: [.ok(ReportsAPI.ReportDTO.self, T.submitted)],
                                     failures: [.conflict(T.conflict), .invalid(T.invalid)])
        case .apiReportsBoard:
            return OperationContract("reportsBoard", T.board, query: [.month("month", T.boardMonth), .text("state", T.boardStates), .text("region", T.boardRegion),
                                                                                           .flag("mine", T.boardMine),
                                                                                           .integer("page", 1...Int64(ProjectQuery.maxPage), T.page),
                                                                                           .integer("perPage", 1...Int64(ListPaging.maxPerPage), T.perPage)], answers: [.ok(ReportsAPI.BoardDTO.self, T.boardAnswer)],
                                     failures: [.badQuery(T.badQuery)])
        case .apiReviewReport:
            return OperationContract("reviewReport", T.review, body: .json(ReportsAPI.ReviewBody.self), answers: [.ok(ReportsAPI.ReportDTO.self, T.reviewed)],
                                     failures: [.conflict(T.conflict), .invalid(T.invalid)])
        case .apiStatsInclusion:
            return OperationContract("statsInclusion", T.inclusion, answers: [.ok(InclusionPages.ListsDTO.self, T.inclusionAnswer)])
        case .apiRecordInclusion:
            return OperationContract("recordStatsInclusion", T.recordInclusion, body: .json(InclusionPages.RecordBody.self),
                                     answers: [.ok(InclusionPages.InclusionDTO.self, T.recorded)], failures: [.conflict(T.conflict), .invalid(T.invalid)])
        case .apiCloseMonth:
            return OperationContract("closeMonth", T.close, body: .json(ReportsAPI.MonthBody.self), answers: [.ok(ReportsAPI.CloseDTO.self, T.done)],
                                     failures: [.invalid(T.invalid)])
        case .apiReopenMonth:
            return OperationContract("reopenMonth", T.reopen, body: .json(ReportsAPI.MonthBody.self), answers: [.ok(ReportsAPI.CloseDTO.self, T.done)],
                                     failures: [.invalid(T.invalid)])
        case .apiProjectPlans:
            return OperationContract("projectPlans", T.plans, answers: [.list(AnnualPlanPages.PlanDTO.self, T.plansAnswer)])
        case .apiSaveProjectPlan:
            return OperationContract("saveProjectPlan", T.savePlan, body: .json(AnnualPlanPages.PlanBody.self),
                                     answers: [.ok(AnnualPlanPages.PlanDTO.self, T.saved)], failures: [.conflict(T.conflict), .invalid(T.invalid)])
        case .apiTargets:
            return OperationContract("targets", T.targets, query: [.text("unit", T.targetUnit), .month("month")],
                                     answers: [.ok(TargetPages.ReadingsDTO.self, T.targetsAnswer)], failures: [.badQuery(T.badQuery)])
        case .apiSetTarget:
            return OperationContract("setTarget", T.setTarget, body: .json(TargetPages.TargetBody.self),
                                     answers: [.ok(TargetPages.ReadingsDTO.self, T.targetSet)], failures: [.invalid(T.invalid)])
        case .apiSetGroundworkTarget:
            return OperationContract("setGroundworkTarget", T.setGroundworkTarget, body: .json(GroundworkTargetPages.SetBody.self),
                                     answers: [.ok(TargetPages.ReadingsDTO.self, T.targetSet)], failures: [.invalid(T.invalid)])
        case .apiProjectPhotos:
            return OperationContract("projectPhotos", T.photos, answers: [.list(PhotoPages.PhotoDTO.self, T.photosAnswer)])
        case .apiUploadPhoto:
            return OperationContract("uploadPhoto", T.upload, query: [.month("month", required: true), .text("name")], body: .file(FileRules.imageTypes),
                                     answers: [.created(PhotoPages.PhotoDTO.self, T.uploaded)],
                                     failures: [.badQuery(T.badQuery), .wrongMediaType(T.notPhoto), .invalid(T.badPhoto)])
        }
    }
}

extension ReportsAPI.ReportDTO: ContractSchema {
    static let contractName: String? = "MonthlyReport"
    static let fieldNotes: [String: [FieldNote]] = {
        typealias T = WebText.MonthlyContract
        return [
            "month": [.note(T.month)], "dispatch": [.note(T.dispatch)], "statistical": [.note(T.statistical)],
            "status": [.values(MonthlyReport.Status.self)], "yearDispatch": [.note(T.yearDispatch)], "sinceStartDispatch": [.note(T.sinceStartDispatch)],
        ]
    }()
}

extension ReportsAPI.SubmitBody: ContractSchema {
    static let contractName: String? = "MonthlyReportRequest"
    static let fieldNotes: [String: [FieldNote]] = {
        typealias T = WebText.MonthlyContract
        typealias R = MonthlyReportRules
        return [
            "month": [.month], "dispatch": [.yuan], "statistical": [.yuan], "progressText": [.maxLength(R.maxProgressText)],
            "progressPercent": [.range(Int64(R.percentRange.lowerBound), Int64(R.percentRange.upperBound))],
            "jobs": [.range(Int64(R.jobsRange.lowerBound), Int64(R.jobsRange.upperBound))],
            "version": [.note(T.versionForResubmit), .version], "correctionReason": [.note(T.correctionReason)],
        ]
    }()
}

extension ReportsAPI.BoardDTO: ContractSchema {
    static let contractName: String? = "ReportsBoard"
    static let fieldNotes: [String: [FieldNote]] = ["closedAt": [.note(WebText.MonthlyContract.closedAt)], "due": [.date]]
}

extension ReportsAPI.BoardDTO.Row: ContractSchema {
    static let fieldNotes: [String: [FieldNote]] = ["state": [.values(ReportState.self)], "responsible": [.note(WebText.MonthlyContract.responsible)]]
}

extension ReportsAPI.ReviewBody: ContractSchema {
    static let contractName: String? = "ReportReviewRequest"
    static let fieldNotes: [String: [FieldNote]] = [
        "decision": [.values(ReportsAPI.ReviewBody.decisions)], "comment": [.note(WebText.MonthlyContract.returnComment)], "version": [.version],
    ]
}

extension ReportsAPI.MonthBody: ContractSchema {
    static let contractName: String? = "MonthCloseRequest"
    static let fieldNotes: [String: [FieldNote]] = ["month": [.month]]
}

extension ReportsAPI.CloseDTO: ContractSchema {
    static let contractName: String? = "MonthClose"
}

extension InclusionPages.ListsDTO: ContractSchema {
    static let contractName: String? = "StatsInclusionLists"
    static let fieldNotes: [String: [FieldNote]] = ["quarterEnd": [.date]]
}

extension InclusionPages.ListsDTO.Row: ContractSchema {
    static let fieldNotes: [String: [FieldNote]] = ["actualStart": [.date], "plannedStart": [.date], "admittedOn": [.date]]
}

extension InclusionPages.RecordBody: ContractSchema {
    static let contractName: String? = "StatsInclusionRequest"
    static let fieldNotes: [String: [FieldNote]] = ["admittedOn": [.date], "firstReportedMonth": [.month], "version": [.version]]
}

extension InclusionPages.InclusionDTO: ContractSchema {
    static let contractName: String? = "StatsInclusion"
    static let fieldNotes: [String: [FieldNote]] = ["admittedOn": [.date]]
}

extension AnnualPlanPages.PlanDTO: ContractSchema {
    static let contractName: String? = "AnnualPlan"
    static let fieldNotes: [String: [FieldNote]] = [
        "plannedInvestment": [.note(WebText.MonthlyContract.yuan)], "plannedStart": [.date], "plannedCompletion": [.date],
        "nature": [.values(ConstructionNature.self)],
    ]
}

extension AnnualPlanPages.PlanBody: ContractSchema {
    static let contractName: String? = "AnnualPlanRequest"
    static let fieldNotes: [String: [FieldNote]] = [
        "year": [.range(Int64(Day.plausibleYears.lowerBound), Int64(Day.plausibleYears.upperBound))], "plannedInvestment": [.yuan],
        "plannedStart": [.date], "plannedCompletion": [.date], "nature": [.values(ConstructionNature.self)],
        "campaign": [.maxLength(AnnualPlan.maxCampaign)], "version": [.note(WebText.MonthlyContract.versionForPlan), .version],
    ]
}

extension TargetPages.ReadingsDTO: ContractSchema {
    static let contractName: String? = "TargetReadings"
}

extension TargetPages.ReadingDTO: ContractSchema {
    static let fieldNotes: [String: [FieldNote]] = {
        typealias T = WebText.MonthlyContract
        return [
            "kind": [.values(Indicator.Kind.self)], "timeProgress": [.note(T.timeProgress)], "gapPoints": [.note(T.gapPoints)], "bulletin": [.note(T.bulletin)],
        ]
    }()
}

extension GroundworkDTO: ContractSchema {
    static let contractName: String? = "GroundworkReading"
    static let fieldNotes: [String: [FieldNote]] = {
        typealias T = WebText.MonthlyContract
        return [
            "kind": [.values(GroundworkMeasure.Kind.self)], "targetSource": [.values(GroundworkReading.TargetSource.self)],
            "amountYuan": [.yuan], "targetAmountYuan": [.yuan], "asOf": [.date], "measure": [.note(T.groundworkMeasure)],
        ]
    }()
}

extension GroundworkTargetPages.SetBody: ContractSchema {
    static let contractName: String? = "GroundworkTargetRequest"
    static let fieldNotes: [String: [FieldNote]] = [
        "unit": [.note(WebText.MonthlyContract.unit)], "measure": [.note(WebText.MonthlyContract.groundworkMeasure)],
        "year": [.range(Int64(Day.plausibleYears.lowerBound), Int64(Day.plausibleYears.upperBound))],
        "count": [.range(0, Int64(GroundworkTarget.maxCount)), .note(WebText.MonthlyContract.groundworkClear)], "amountYuan": [.yuan],
    ]
}

extension TargetPages.TargetBody: ContractSchema {
    static let contractName: String? = "TargetRequest"
    static let fieldNotes: [String: [FieldNote]] = {
        let ranges = Indicator.Kind.allCases.map(\.targetRange)
        return [
            "unit": [.note(WebText.MonthlyContract.unit)],
            "year": [.range(Int64(Day.plausibleYears.lowerBound), Int64(Day.plausibleYears.upperBound))],
            "value": [.note(WebText.MonthlyContract.value),
                      .range(Int64(ranges.map(\.lowerBound).min() ?? 0), Int64(ranges.map(\.upperBound).max() ?? 0))],
        ]
    }()
}

extension PhotoPages.PhotoDTO: ContractSchema {
    static let contractName: String? = "Photo"
    static let fieldNotes: [String: [FieldNote]] = ["url": [.note(WebText.MonthlyContract.photoURL)]]
}
