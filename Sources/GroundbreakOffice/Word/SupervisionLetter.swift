import Foundation
import GroundbreakDomain

/// 督办函: the letter the supervision office sends an owner unit whose item has run late.
public struct SupervisionLetter: Sendable {
    public var number: String
    public var ownerName: String
    public var item: SupervisedItem
    public var issuer: String
    public var replyWithinWorkingDays: Int
    public var today: Day

    public init(number: String, ownerName: String, item: SupervisedItem, issuer: String, replyWithinWorkingDays: Int = 5, today: Day) {
        self.number = number
        self.ownerName = ownerName
        self.item = item
        self.issuer = issuer
        self.replyWithinWorkingDays = replyWithinWorkingDays
        self.today = today
    }

    static func chinese(_ day: Day) -> String { "\(day.year)年\(day.month)月\(day.day)日" }

    public var document: DocxDocument {
        let late = today.ordinal - item.deadline.ordinal
        let source = item.sourceNote.isEmpty ? item.source.label : "\(item.source.label)（\(item.sourceNote)）"
        let state = late > 0 ? "截至\(Self.chinese(today))，该事项尚未办结，已逾期\(late)天。" : "截至\(Self.chinese(today))，该事项尚未办结。"
        return DocxDocument(title: "督办函 \(number)", paragraphs: [
            .init("督 办 函", alignment: .center, size: 22, font: DocxDocument.titleFont, spaceAfterLines: 0.5),
            .init(number, alignment: .center, spaceAfterLines: 1),
            .init("\(ownerName)："),
            .init("根据\(source)，你单位承办“\(item.content)”事项，办理时限为\(Self.chinese(item.deadline))。\(state)", indentChars: 2),
            .init("请你单位高度重视，明确责任人和完成时限，加快推进，于\(replyWithinWorkingDays)个工作日内将办理情况及下一步措施书面报送\(issuer)。逾期未报或推进不力的，将按规定予以通报。", indentChars: 2,
                  spaceAfterLines: 2),
            .init(issuer, alignment: .right),
            .init(Self.chinese(today), alignment: .right),
        ])
    }
}
