import Foundation

/// What the centre may change in a draft: the title and each section's heading and paragraphs.
/// The tables are the data's; they change only when the draft is generated again.
public enum BulletinEdit {
    public static let maxTitle = 100
    public static let maxHeading = 60
    public static let maxParagraph = 4_000
    public static let maxParagraphs = 30

    public struct SectionText: Sendable, Equatable {
        public var heading: String
        public var paragraphs: [String]

        public init(heading: String, paragraphs: [String]) {
            self.heading = heading
            self.paragraphs = paragraphs
        }
    }

    /// The draft with the new text, or every reason it is refused. Blank paragraphs are dropped;
    /// a section keeps its table.
    public static func apply(title: String, sections: [SectionText], to bulletin: Bulletin) -> Result<Bulletin, ValidationFailure> {
        var errors: [FieldError] = []
        if bulletin.status == .issued { errors.append(FieldError("version", .bulletin(.issuedIsFrozen))) }
        let title = TextNormalizer.collapsedLine(title)
        if title.isEmpty { errors.append(FieldError("title", .required(field: "title"))) }
        if title.count > maxTitle { errors.append(FieldError("title", .bulletin(.tooLong(max: maxTitle)))) }
        if sections.count != bulletin.sections.count {
            errors.append(FieldError("sections", .bulletin(.sectionCount(bulletin.sections.count))))
        }
        var edited = bulletin
        edited.title = title
        for (index, section) in sections.enumerated() where index < bulletin.sections.count {
            let heading = TextNormalizer.collapsedLine(section.heading)
            if heading.isEmpty { errors.append(FieldError("sections", .bulletin(.headingRequired(index + 1)))) }
            if heading.count > maxHeading { errors.append(FieldError("sections", .bulletin(.tooLong(max: maxHeading)))) }
            let paragraphs = section.paragraphs.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
            if paragraphs.count > maxParagraphs { errors.append(FieldError("sections", .bulletin(.tooManyParagraphs(max: maxParagraphs)))) }
            if paragraphs.contains(where: { $0.count > maxParagraph }) { errors.append(FieldError("sections", .bulletin(.tooLong(max: maxParagraph)))) }
            edited.sections[index].heading = heading
            edited.sections[index].paragraphs = paragraphs
        }
        return errors.isEmpty ? .success(edited) : .failure(ValidationFailure(errors))
    }
}
