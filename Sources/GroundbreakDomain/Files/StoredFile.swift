import Foundation

/// A file someone uploaded, and the record it belongs to. The bytes live in the attachment store
/// by their SHA-256; who may read the file is whoever may read its owner.
public struct StoredFile: Sendable, Equatable {
    public enum Owner: Sendable, Equatable {
        /// A site photo of a project's report month.
        case sitePhoto(projectId: Int64, month: Month)
        /// Evidence on a problem (解决情况的佐证).
        case problemEvidence(problemId: Int64)

        public enum Kind: String, Sendable, CaseIterable {
            case sitePhoto, problemEvidence
        }

        public var kind: Kind {
            switch self {
            case .sitePhoto: .sitePhoto
            case .problemEvidence: .problemEvidence
            }
        }

        public var id: Int64 {
            switch self {
            case .sitePhoto(let projectId, _): projectId
            case .problemEvidence(let problemId): problemId
            }
        }

        public var key: String {
            switch self {
            case .sitePhoto(_, let month): month.iso
            case .problemEvidence: ""
            }
        }

        /// The owner as stored; nil for a row no release wrote.
        public init?(kind: String, id: Int64, key: String) {
            switch Kind(rawValue: kind) {
            case .sitePhoto:
                guard let month = Month.parse(key) else { return nil }
                self = .sitePhoto(projectId: id, month: month)
            case .problemEvidence:
                self = .problemEvidence(problemId: id)
            case nil:
                return nil
            }
        }
    }

    public var id: Int64
    public var owner: Owner
    public var name: String
    public var contentType: String
    public var size: Int
    public var sha256: String
    public var uploadedBy: String
    public var uploadedAt: Date

    public init(id: Int64, owner: Owner, name: String, contentType: String, size: Int, sha256: String, uploadedBy: String, uploadedAt: Date) {
        self.id = id
        self.owner = owner
        self.name = name
        self.contentType = contentType
        self.size = size
        self.sha256 = sha256
        self.uploadedBy = uploadedBy
        self.uploadedAt = uploadedAt
    }

    /// The report month of a site photo.
    public var month: Month? {
        if case .sitePhoto(_, let month) = owner { return month }
        return nil
    }
}
