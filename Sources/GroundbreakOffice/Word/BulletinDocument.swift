import Foundation
import GroundbreakDomain

/// A bulletin (通报) in the GB/T 9704 layout of a periodical notice: the red 版头 (masthead and
/// its number 〔2026〕第N期), the issuer and date over a red rule, the title, the sections with
/// their tables, the issuer and date at the end and the 版记 (to whom it is sent).
public struct BulletinDocument: Sendable {
    public var bulletin: Bulletin
    public var rules: BulletinRules.Kind

    public init(bulletin: Bulletin, rules: BulletinRules.Kind) {
        self.bulletin = bulletin
        self.rules = rules
    }

    static let red = "FF0000"

    public var document: DocxDocument {
        typealias T = OfficeText.Document
        let issued = bulletin.status == .issued
        let date = bulletin.issuedOn.map { T.date($0.year, $0.month, $0.day) } ?? T.undated
        var blocks: [DocxDocument.Block] = [
            .paragraph(.init(rules.masthead, alignment: .center, size: 36, font: DocxDocument.titleFont, colour: Self.red)),
            .paragraph(.init(issued ? bulletin.number : T.bulletinDraft, alignment: .center, spaceAfterLines: 0.3)),
            .paragraph(.init(T.bulletinDateLine(rules.issuer, date), alignment: .center, spaceAfterLines: 1, ruleBelow: Self.red)),
            .paragraph(.init(bulletin.title, alignment: .center, size: 22, font: DocxDocument.titleFont, spaceAfterLines: 1)),
        ]
        for section in bulletin.sections {
            blocks.append(.paragraph(.init(section.heading, font: DocxDocument.headingFont, indentChars: 2)))
            blocks += section.paragraphs.map { .paragraph(.init($0, indentChars: 2)) }
            if let table = section.table { blocks.append(.table(DocxDocument.Table(columns: table.columns, rows: table.rows))) }
        }
        blocks += [
            .paragraph(.init(rules.issuer, alignment: .right)),
            .paragraph(.init(date, alignment: .right, spaceAfterLines: 2, ruleBelow: "000000")),
            .paragraph(.init(T.distribution(rules.distribution), size: 14, ruleBelow: "000000")),
        ]
        return DocxDocument(title: issued ? "\(bulletin.title) \(bulletin.number)" : bulletin.title, blocks: blocks)
    }
}
