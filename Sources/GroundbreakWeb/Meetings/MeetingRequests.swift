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

    var pairs: [(String, String)] {
        var form = FormPairs()
        form.add("kindCode", kindCode)
        form.add("title", title)
        form.add("heldOn", heldOn)
        form.add("place", place)
        form.add("chair", chair)
        form.add("attendees", attendees)
        form.add("problems", problems?.texts)
        form.add("projects", projects?.texts)
        return form.pairs
    }
}
