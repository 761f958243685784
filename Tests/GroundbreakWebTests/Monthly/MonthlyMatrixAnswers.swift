import HTTPTypes
@testable import GroundbreakWeb

extension AuthorisationMatrixTests {
    /// The monthly routes' answers when the policy lets the caller through (see `successTables`).
    static func success(_ endpoint: MonthlyEndpoints) -> HTTPResponse.Status {
        switch endpoint {
        case .projectReportSubmit, .reportReview, .reportsGridSave, .reportsClose, .reportsUrge, .reportsAcceptMany, .reportsReopen, .projectPlanSave, .targetSet, .groundworkTargetSet,
             .reportPhotoUpload:
            .seeOther
        case .apiUploadPhoto:
            .created
        case .statsRecord, .apiRecordInclusion:
            .unprocessableContent // neither project has started, so admission is refused on its merits once the policy lets it through
        case .projectReportsPage, .reportsBoard, .reportsBoardXLSX, .reportsGrid, .statsPage, .targetsPage, .targetsXLSX, .apiProjectReports,
             .apiSubmitReport, .apiReportsBoard, .apiReviewReport, .apiStatsInclusion, .apiCloseMonth, .apiReopenMonth, .apiProjectPlans,
             .apiSaveProjectPlan, .apiTargets, .apiSetTarget, .apiSetGroundworkTarget, .apiProjectPhotos:
            .ok
        }
    }
}
