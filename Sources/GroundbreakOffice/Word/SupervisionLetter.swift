import Foundation
import GroundbreakDomain

/// 督办函: the letter the supervision office sends an owner unit whose item has run late.
public struct SupervisionLetter: Sendable {
    public var number: String
    public var ownerName: String
    public var item: SupervisedItem
    public var facts: SupervisionLetterFacts
    public var issuer: String
    public var replyWithinWorkingDays: Int

    public init(number: String, ownerName: String, item: SupervisedItem, facts: SupervisionLetterFacts, issuer: String, replyWithinWorkingDays: Int = 5) {
        self.number = number
        self.ownerName = ownerName
        self.item = item
        self.facts = facts
        self.issuer = issuer
        self.replyWithinWorkingDays = replyWithinWorkingDays
    }

    static func chinese(_ day: Day) -> String { "\(day.year)年\(day.month)月\(day.day)日" }

    public var document: DocxDocument {
        let issued = facts.issuedOn
        let late = facts.daysLate
        let source = item.sourceNote.isEmpty ? item.source.label : "\(item.source.label)（\(item.sourceNote)）"
        var state = late > 0 ? "截至\(Self.chinese(issued))，该事项尚未办结，已逾期\(late)天。" : "截至\(Self.chinese(issued))，该事项尚未办结。"
        // A new deadline set with the urge is the one to meet now; the letter still says which was missed.
        if let new = facts.newDeadline { state += "现将办理时限调整为\(Self.chinese(new))，请于该日前办结。" }
        let note: [DocxDocument.Paragraph] = facts.note.isEmpty ? [] : [.init("督办意见：\(facts.note)", indentChars: 2)]
        return DocxDocument(title: "督办函 \(number)", paragraphs: [
            .init("督 办 函", alignment: .center, size: 22, font: DocxDocument.titleFont, spaceAfterLines: 0.5),
            .init(number, alignment: .center, spaceAfterLines: 1),
            .init("\(ownerName)："),
            .init("根据\(source)，你单位承办“\(item.content)”事项，办理时限为\(Self.chinese(facts.missedDeadline))。\(state)", indentChars: 2),
        ] + note + [
            .init("请你单位高度重视，明确责任人和完成时限，加快推进，于\(replyWithinWorkingDays)个工作日内将办理情况及下一步措施书面报送\(issuer)。逾期未报或推进不力的，将按规定予以通报。", indentChars: 2,
                  spaceAfterLines: 2),
            .init(issuer, alignment: .right),
            .init(Self.chinese(issued), alignment: .right),
        ])
    }
}
