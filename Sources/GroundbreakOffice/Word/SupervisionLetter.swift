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

    static func chinese(_ day: Day) -> String { MeetingMinutes.chinese(day) }

    public var document: DocxDocument {
        let issued = facts.issuedOn
        let late = facts.daysLate
        typealias T = OfficeText.Document
        let source = item.sourceNote.isEmpty ? item.source.label : T.source(item.source.label, item.sourceNote)
        var state = late > 0 ? T.stillOpenLate(Self.chinese(issued), late) : T.stillOpen(Self.chinese(issued))
        // A new deadline set with the urge is the one to meet now; the letter still says which was missed.
        if let new = facts.newDeadline { state += T.newDeadline(Self.chinese(new)) }
        let note: [DocxDocument.Paragraph] = facts.note.isEmpty ? [] : [.init(T.officeNote(facts.note), indentChars: 2)]
        return DocxDocument(title: T.letterTitle(number), paragraphs: [
            .init(T.letterHeading, alignment: .center, size: 22, font: DocxDocument.titleFont, spaceAfterLines: 0.5),
            .init(number, alignment: .center, spaceAfterLines: 1),
            .init(T.addressee(ownerName)),
            .init(T.facts(source, item.content, Self.chinese(facts.missedDeadline), state), indentChars: 2),
        ] + note + [
            .init(T.request(replyWithinWorkingDays, issuer), indentChars: 2,
                  spaceAfterLines: 2),
            .init(issuer, alignment: .right),
            .init(Self.chinese(issued), alignment: .right),
        ])
    }
}
