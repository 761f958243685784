import GroundbreakDomain

extension MeetingsEndpoints {
    var contract: OperationContract? {
        typealias T = WebText.MeetingsContract
        switch self {
        case .meetingsPage, .meetingCreate, .meetingShow, .meetingMinutes, .meetingMinutesDocx:
            return nil
        case .apiMeetings:
            return OperationContract("listMeetings", T.list, answers: [.list(MeetingsAPI.MeetingDTO.self, T.listAnswer)])
        case .apiMeetingCreate:
            return OperationContract("createMeeting", T.create, body: .inline(MeetingRequest.self),
                                     answers: [.created(MeetingsAPI.MeetingDTO.self, T.created)], failures: [.invalid(T.createInvalid)])
        case .apiMeeting:
            return OperationContract("getMeeting", T.get, answers: [.ok(MeetingsAPI.MeetingDTO.self, T.meeting)])
        case .apiMeetingMinutes:
            return OperationContract("issueMinutes", T.minutes, body: .inline(MeetingsAPI.MinutesBody.self),
                                     answers: [.ok(MeetingsAPI.MeetingDTO.self, T.minuted)], failures: [.conflict(T.conflict), .invalid(T.minutesInvalid)])
        }
    }
}

extension MeetingsAPI.MeetingDTO: ContractSchema {
    static let contractName: String? = "Meeting"
    static let fieldNotes: [String: [FieldNote]] = ["heldOn": [.date], "status": [.values(Meeting.Status.self)]]
}

extension MeetingsAPI.DecisionDTO: ContractSchema {
    static let fieldNotes: [String: [FieldNote]] = ["deadline": [.date]]
}

extension MeetingRequest: ContractSchema {
    static let fieldNotes: [String: [FieldNote]] = {
        typealias T = WebText.MeetingsContract
        return [
            "kindCode": [.required, .note(T.kindCode)], "title": [.required], "heldOn": [.required, .date], "attendees": [.note(T.attendees)],
            "problems": [.note(T.problems)], "projects": [.note(T.projects)],
        ]
    }()
}

extension MeetingsAPI.MinutesBody.Decision: ContractSchema {
    static let fieldNotes: [String: [FieldNote]] = ["owner": [.note(WebText.MeetingsContract.owner)], "deadline": [.date]]
}

extension MeetingsAPI.MinutesBody: ContractSchema {
    static let fieldNotes: [String: [FieldNote]] = ["version": [.version]]
}
