import Foundation
import GroundbreakDomain

/// A bulletin at the API: its state and number, and (for one bulletin) its sections as printed.
struct BulletinDTO: Codable, Sendable {
    struct Table: Codable, Sendable {
        var columns: [String]
        var rows: [[String]]
    }
    struct Section: Codable, Sendable {
        var heading: String
        var paragraphs: [String]
        @ExplicitNull var table: Table?
    }

    var id: Int64
    var kind: String
    var month: String
    var title: String
    @ExplicitNull var seat: Int64?
    var status: String
    var number: String
    @ExplicitNull var issuedOn: String?
    var issuedBy: String
    var createdBy: String
    var version: Int
    var sections: [Section]?

    init(_ bulletin: Bulletin, withSections: Bool) {
        id = bulletin.id
        kind = bulletin.kind.rawValue
        month = bulletin.month.iso
        title = bulletin.title
        seat = bulletin.seat
        status = bulletin.status.rawValue
        number = bulletin.number
        issuedOn = bulletin.issuedOn?.iso
        issuedBy = bulletin.issuedBy
        createdBy = bulletin.createdBy
        version = bulletin.version
        sections = withSections ? bulletin.sections.map { section in
            Section(heading: section.heading, paragraphs: section.paragraphs, table: section.table.map { Table(columns: $0.columns, rows: $0.rows) })
        } : nil
    }
}

/// `POST /api/v1/bulletins`.
struct BulletinCreateRequest: Decodable, Sendable {
    var kind: String?
    var month: String?
    var seat: Int64?
}

/// `PATCH /api/v1/bulletins/:id`: the title and every section's heading and paragraphs, in order.
struct BulletinEditRequest: Decodable, Sendable {
    struct Section: Decodable, Sendable {
        var heading: String
        var paragraphs: [String]
    }
    var version: Int
    var title: String
    var sections: [Section]
}

/// Issuing, regenerating or discarding a draft: the version read.
struct BulletinVersionRequest: Decodable, Sendable {
    var version: Int
}
