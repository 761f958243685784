import Foundation

/// What each kind of file may be, told by its bytes rather than its name, and how it is named.
public enum FileRules {
    public static let imageTypes = ["image/jpeg", "image/png", "image/webp"]

    /// Image types accepted as site photos.
    public static func imageType(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if bytes.count > 12, bytes.starts(with: Array("RIFF".utf8)), Array(bytes[8..<12]) == Array("WEBP".utf8) { return "image/webp" }
        return nil
    }

    /// Evidence: an image, a PDF, or an Office Open XML document (a zip named .docx, .xlsx or .pptx).
    public static func evidenceType(_ bytes: [UInt8], name: String) -> String? {
        if let image = imageType(bytes) { return image }
        if bytes.starts(with: Array("%PDF-".utf8)) { return "application/pdf" }
        guard bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) else { return nil }
        switch (name as NSString).pathExtension.lowercased() {
        case "docx": return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case "xlsx": return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case "pptx": return "application/vnd.openxmlformats-officedocument.presentationml.presentation"
        default: return nil
        }
    }

    /// The form field a kind of file arrives in, which a refusal names.
    public static func field(_ kind: StoredFile.Owner.Kind) -> String {
        kind == .sitePhoto ? "photo" : "file"
    }

    /// The file's content type, or every reason it will not do for `kind`.
    public static func check(_ kind: StoredFile.Owner.Kind, bytes: [UInt8], name: String, maxBytes: Int) -> Result<String, ValidationFailure> {
        let field = field(kind)
        if bytes.isEmpty { return .failure(ValidationFailure([FieldError(field, .required(field: field))])) }
        if bytes.count > maxBytes { return .failure(ValidationFailure([FieldError(field, .fileTooLarge(maxBytes: maxBytes))])) }
        switch kind {
        case .sitePhoto:
            guard let type = imageType(bytes) else { return .failure(ValidationFailure([FieldError(field, .notAnImage)])) }
            return .success(type)
        case .problemEvidence:
            guard let type = evidenceType(bytes, name: name) else { return .failure(ValidationFailure([FieldError(field, .file(.evidenceTypes))])) }
            return .success(type)
        }
    }

    /// A file name as shown and stored: one line, no path separators or control characters, at
    /// most 120 characters; a default by kind when nothing is left.
    public static func cleanName(_ name: String, kind: StoredFile.Owner.Kind) -> String {
        let clean = String(TextNormalizer.collapsedLine(TextNormalizer.removingForbiddenControls(name)).filter { !"/\\".contains($0) }.prefix(120))
        guard clean.isEmpty else { return clean }
        return (kind == .sitePhoto ? FileText.photoDefaultName : FileText.evidenceDefaultName).zh
    }

    /// Images are shown in the page; anything else is downloaded, never rendered by the browser.
    public static func showsInline(_ contentType: String) -> Bool {
        imageTypes.contains(contentType)
    }
}
