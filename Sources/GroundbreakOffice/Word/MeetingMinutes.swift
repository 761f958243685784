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
        let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        guard value > 0 && value < 100 else { return String(value) }
        if value < 10 { return digits[value] }
        let tens = value / 10, ones = value % 10
        return (tens == 1 ? "" : digits[tens]) + "十" + (ones == 0 ? "" : digits[ones])
    }

    static func chinese(_ day: Day) -> String { "\(day.year)年\(day.month)月\(day.day)日" }

    public var document: DocxDocument {
        var paragraphs: [DocxDocument.Paragraph] = [
            .init("\(kindName)纪要", alignment: .center, size: 22, font: DocxDocument.titleFont, spaceAfterLines: 0.5),
            .init(number, alignment: .center, spaceAfterLines: 1),
        ]
        let place = meeting.place.isEmpty ? "" : "在\(meeting.place)"
        let chair = meeting.chair.isEmpty ? "" : "，\(meeting.chair)主持召开"
        paragraphs.append(.init("\(Self.chinese(meeting.heldOn))，\(place)\(chair)\(meeting.title)。现将会议议定事项纪要如下：", indentChars: 2))
        for line in meeting.summary.split(separator: "\n").map({ $0.trimmingCharacters(in: .whitespaces) }) where !line.isEmpty {
            paragraphs.append(.init(line, indentChars: 2))
        }
        for (index, decision) in meeting.decisions.enumerated() {
            var text = "\(Self.numeral(index + 1))、\(decision.text)"
            if let owner = decision.owner, let deadline = decision.deadline {
                text += "（责任单位：\(unitNames["\(owner.kind.rawValue):\(owner.code)"] ?? owner.code)；完成时限：\(Self.chinese(deadline))）"
            }
            paragraphs.append(.init(text, indentChars: 2))
        }
        if !meeting.attendees.isEmpty {
            paragraphs.append(.init("出席：\(meeting.attendees.joined(separator: "、"))", spaceAfterLines: 0))
        }
        return DocxDocument(title: "\(kindName)纪要 \(number)", paragraphs: paragraphs)
    }
}
