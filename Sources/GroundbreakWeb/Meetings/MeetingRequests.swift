/// Calling a meeting by the API; read by the same rule as the page's form.
struct MeetingRequest: Decodable, Sendable, FormFields {
    var kindCode: String?
    var title: String?
    var heldOn: String?
    var place: String?
    var chair: String?
    var attendees: String?
    var problems: LooseIdentifiers?
    var projects: LooseIdentifiers?
}
