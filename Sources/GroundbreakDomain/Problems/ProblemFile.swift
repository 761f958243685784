import Foundation

public struct ProblemFile: Sendable, Equatable {
    public var id: Int64
    public var problemId: Int64
    public var name: String
    public var contentType: String
    public var size: Int
    public var sha256: String
    public var uploadedBy: String
    public var uploadedAt: Date

    public init(id: Int64, problemId: Int64, name: String, contentType: String, size: Int, sha256: String, uploadedBy: String, uploadedAt: Date) {
        self.id = id
        self.problemId = problemId
        self.name = name
        self.contentType = contentType
        self.size = size
        self.sha256 = sha256
        self.uploadedBy = uploadedBy
        self.uploadedAt = uploadedAt
    }
}
