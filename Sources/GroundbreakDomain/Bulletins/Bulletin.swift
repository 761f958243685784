import Foundation

/// 项目建设通报 (figures, ranking, red list, named units), 督查通报 (overdue supervised items and
/// problems) or 包保专报 (a sponsoring leader's quarterly report, or one on all leaders).
public enum BulletinKind: String, Sendable, Codable, CaseIterable {
    case construction, supervision, sponsor, attraction

    public var label: String { BulletinText.kind(self) }
}

public enum BulletinStatus: String, Sendable, Codable, CaseIterable {
    /// 草稿: generated from the data, edited by the centre; its figures are those of when it was generated.
    case draft
    /// 已印发: numbered and frozen; nothing changes it.
    case issued

    public var label: String { BulletinText.status(self) }
}

/// A table in a bulletin, kept as the text it prints: an issued bulletin never recomputes.
public struct BulletinTable: Sendable, Codable, Equatable {
    public var columns: [String]
    public var rows: [[String]]

    public init(columns: [String], rows: [[String]]) {
        self.columns = columns
        self.rows = rows
    }
}

/// 一、… a heading, its paragraphs (edited by the centre) and perhaps a table (generated).
public struct BulletinSection: Sendable, Codable, Equatable {
    public var heading: String
    public var paragraphs: [String]
    public var table: BulletinTable?

    public init(heading: String, paragraphs: [String], table: BulletinTable? = nil) {
        self.heading = heading
        self.paragraphs = paragraphs
        self.table = table
    }
}

/// A bulletin (通报): drafted from the month's figures, edited, then issued with its number
/// (〔2026〕第N期) and frozen.
public struct Bulletin: Sendable, Codable, Equatable, Identifiable {
    public var id: Int64
    public var kind: BulletinKind
    /// The month its figures are of.
    public var month: Month
    public var title: String
    /// The sponsoring leader's seat a 包保专报 is about; nil for one on all leaders and for the other kinds.
    public var seat: Int64?
    public var sections: [BulletinSection]
    public var status: BulletinStatus
    /// The year and serial of its number once issued (第N期 within the kind and year).
    public var serialYear: Int?
    public var serial: Int?
    public var number: String
    public var createdBy: String
    public var createdAt: Date
    public var updatedAt: Date
    public var issuedBy: String
    public var issuedOn: Day?
    public var version: Int

    public init(id: Int64 = 0, kind: BulletinKind, month: Month, title: String, seat: Int64? = nil, sections: [BulletinSection], status: BulletinStatus = .draft,
                serialYear: Int? = nil, serial: Int? = nil, number: String = "", createdBy: String, createdAt: Date, updatedAt: Date,
                issuedBy: String = "", issuedOn: Day? = nil, version: Int = 1) {
        self.id = id
        self.kind = kind
        self.month = month
        self.title = title
        self.seat = seat
        self.sections = sections
        self.status = status
        self.serialYear = serialYear
        self.serial = serial
        self.number = number
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.issuedBy = issuedBy
        self.issuedOn = issuedOn
        self.version = version
    }
}

/// Each kind's masthead, issuer, number format, distribution and closing requirements, and the
/// lists' lengths (`bulletin_rules.json`, local settings).
public struct BulletinRules: Sendable, Codable, Equatable {
    public struct Kind: Sendable, Codable, Equatable {
        public var masthead: String
        public var issuer: String
        /// `〔{year}〕第{serial}期`.
        public var numberFormat: String
        public var distribution: String
        public var requirements: [String]

        public init(masthead: String, issuer: String, numberFormat: String, distribution: String, requirements: [String]) {
            self.masthead = masthead
            self.issuer = issuer
            self.numberFormat = numberFormat
            self.distribution = distribution
            self.requirements = requirements
        }

        public func number(year: Int, serial: Int) -> String {
            numberFormat.replacingOccurrences(of: "{year}", with: String(year)).replacingOccurrences(of: "{serial}", with: String(serial))
        }
    }

    public var construction: Kind
    public var supervision: Kind
    public var sponsor: Kind
    public var attraction: Kind
    /// How many red projects and overdue items a bulletin lists.
    public var listLimit: Int
    public var basis: String

    public init(construction: Kind, supervision: Kind, sponsor: Kind, attraction: Kind, listLimit: Int, basis: String) {
        self.construction = construction
        self.supervision = supervision
        self.sponsor = sponsor
        self.attraction = attraction
        self.listLimit = listLimit
        self.basis = basis
    }

    public func kind(_ kind: BulletinKind) -> Kind {
        switch kind {
        case .construction: construction
        case .supervision: supervision
        case .sponsor: sponsor
        case .attraction: attraction
        }
    }
}
