import GroundbreakDomain

/// Dispatch meetings, their agenda and minutes.
enum MeetingsEndpoints: String, EndpointSet {
    case meetingsPage, meetingCreate, meetingShow, meetingMinutes, meetingMinutesDocx, apiMeetings, apiMeetingCreate, apiMeeting
    case apiMeetingMinutes

    static let navigation = [
        NavigationEntry(.meetings, order: 60, label: WebText.Nav.meetings, route: .meetings, requires: .viewMeetings),
    ]

    static let feature = "meetings"

    var declaration: EndpointDeclaration {
        switch self {
        case .meetingsPage: .get("/meetings", .viewMeetings, MeetingPages.list)
        case .meetingCreate: .post("/meetings", .runMeetings, MeetingPages.create)
        case .meetingShow: .get("/meetings/:id", .viewMeetings, on: .meeting, MeetingPages.show)
        case .meetingMinutes: .post("/meetings/:id/minutes", .runMeetings, on: .meeting, MeetingPages.minutes)
        case .meetingMinutesDocx: .get("/meetings/:id/minutes.docx", .viewMeetings, on: .meeting, MeetingPages.docx)
        case .apiMeetings: .get("/api/v1/meetings", .viewMeetings, MeetingsAPI.list)
        case .apiMeetingCreate: .post("/api/v1/meetings", .runMeetings, MeetingsAPI.create)
        case .apiMeeting: .get("/api/v1/meetings/:id", .viewMeetings, on: .meeting, MeetingsAPI.show)
        case .apiMeetingMinutes: .post("/api/v1/meetings/:id/minutes", .runMeetings, on: .meeting, MeetingsAPI.minutes)
        }
    }
}

/// The feature's typed links.
extension Route {
    private typealias E = MeetingsEndpoints

    static var meetings: Route { Route(E.meetingsPage) }
    static func meeting(_ id: Int64) -> Route { Route(E.meetingShow, id: id) }
    static func meetingMinutes(_ id: Int64) -> Route { Route(E.meetingMinutes, id: id) }
    static func meetingMinutesDocx(_ id: Int64) -> Route { Route(E.meetingMinutesDocx, id: id) }
}

extension NavItem {
    static let meetings = NavItem("meetings")
}
