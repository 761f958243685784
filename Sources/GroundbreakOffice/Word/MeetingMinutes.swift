import Foundation
import GroundbreakDomain

/// 会议纪要 in the usual layout: title, number, date and place, chair and attendees, what the
/// meeting heard, and its decisions numbered 一、二、… each with its owner and deadline.
public struct MeetingMinutes: Sendable {
    public var meeting: Meeting
    public var kindName: String
    public var number: String
    /// The owner units' names, by `kind:code`.
    public var unitNames: [String: String]

    public init(meeting: Meeting, kindName: String, number: String, unitNames: [String: String]) {
        self.meeting = meeting
        self.kindName = kindName
        self.number = number
        self.unitNames = unitNames
    }

    /// 一 … 九十九.
    static func numeral(_ value: Int) -> String {
        let digits = OfficeText.Document.numeralDigits
        guard value > 0 && value < 100 else { return String(value) }
        if value < 10 { return digits[value] }
        let tens = value / 10, ones = value % 10
        return (tens == 1 ? "" : digits[tens]) + OfficeText.Document.numeralTen + (ones == 0 ? "" : digits[ones])
    }

    static func chinese(_ day: Day) -> String { OfficeText.Document.date(day.year, day.month, day.day) }

    public var document: DocxDocument {
        var paragraphs: [DocxDocument.Paragraph] = [
            .init(OfficeText.Document.minutesTitle(kindName), alignment: .center, size: 22, font: DocxDocument.titleFont, spaceAfterLines: 0.5),
            .init(number, alignment: .center, spaceAfterLines: 1),
        ]
        let place = meeting.place.isEmpty ? "" : OfficeText.Document.at(meeting.place)
        let chair = meeting.chair.isEmpty ? "" : OfficeText.Document.chairedBy(meeting.chair)
        paragraphs.append(.init(OfficeText.Document.minutesOpening(Self.chinese(meeting.heldOn), place, chair, meeting.title), indentChars: 2))
        for line in meeting.summary.split(separator: "\n").map({ $0.trimmingCharacters(in: .whitespaces) }) where !line.isEmpty {
            paragraphs.append(.init(line, indentChars: 2))
        }
        for (index, decision) in meeting.decisions.enumerated() {
            var text = OfficeText.Document.decision(Self.numeral(index + 1), decision.text)
            if let owner = decision.owner, let deadline = decision.deadline {
                text += OfficeText.Document.decisionOwner(unitNames["\(owner.kind.rawValue):\(owner.code)"] ?? owner.code, Self.chinese(deadline))
            }
            paragraphs.append(.init(text, indentChars: 2))
        }
        if !meeting.attendees.isEmpty {
            paragraphs.append(.init(OfficeText.Document.attendees(meeting.attendees.joined(separator: OfficeText.Document.listSeparator)), spaceAfterLines: 0))
        }
        return DocxDocument(title: OfficeText.Document.minutesDocumentTitle(kindName, number), paragraphs: paragraphs)
    }
}
