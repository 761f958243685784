import Foundation

public struct Attachment: Sendable, Equatable {
    public var id: Int64
    public var projectId: Int64
    public var entity: String
    public var entityKey: String
    public var name: String
    public var contentType: String
    public var size: Int
    public var sha256: String
    public var uploadedBy: String
    public var uploadedAt: Date

    public init(id: Int64, projectId: Int64, entity: String, entityKey: String, name: String, contentType: String, size: Int, sha256: String, uploadedBy: String, uploadedAt: Date) {
        self.id = id
        self.projectId = projectId
        self.entity = entity
        self.entityKey = entityKey
        self.name = name
        self.contentType = contentType
        self.size = size
        self.sha256 = sha256
        self.uploadedBy = uploadedBy
        self.uploadedAt = uploadedAt
    }
}
