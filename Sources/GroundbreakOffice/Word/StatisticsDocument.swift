import Foundation
import GroundbreakDomain

/// The statistics paragraph as a Word document, to paste into a report or a bulletin.
public struct StatisticsDocument: Sendable {
    public var title: String
    public var paragraph: String

    public init(title: String, paragraph: String) {
        self.title = title
        self.paragraph = paragraph
    }

    public var document: DocxDocument {
        DocxDocument(title: title, paragraphs: [
            .init(title, alignment: .center, size: 22, font: DocxDocument.titleFont, spaceAfterLines: 1),
            .init(paragraph, indentChars: 2),
        ])
    }
}
