import HTTPTypes
@testable import GroundbreakWeb

extension AuthorisationMatrixTests {
    /// The meetings routes' answers when the policy lets the caller through (see `successTables`).
    static func success(_ endpoint: MeetingsEndpoints) -> HTTPResponse.Status {
        switch endpoint {
        case .meetingCreate:
            .seeOther
        case .apiMeetingCreate:
            .created
        case .meetingMinutes, .apiMeetingMinutes:
            .unprocessableContent // minutes with neither a summary nor a decision: refused on their merits
        case .meetingsPage, .meetingShow, .meetingMinutesDocx, .apiMeetings, .apiMeeting:
            .ok
        }
    }
}
