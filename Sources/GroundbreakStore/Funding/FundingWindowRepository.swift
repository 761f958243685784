import Foundation
import GroundbreakDomain
import SQLKit

/// The batches channels open (批次) and the province's figures per channel and year.
public struct FundingWindowRepository: Sendable {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Keeps a batch: a channel of the catalogue, a name, the 专项 or 投向 when the channel has them,
    /// its days in order within its year, a known collecting department.
    public func create(_ draft: FundingWindow, catalog: FundingCatalog, reference: ReferenceCatalog, actor: AuditActor, now: Date) async throws -> FundingWindow {
        var window = draft
        window.name = TextNormalizer.collapsedLine(window.name)
        window.note = TextNormalizer.collapsedLine(window.note)
        var errors: [FieldError] = []
        if window.name.isEmpty { errors.append(FieldError("name", .required(field: "name"))) }
        if window.name.count > 100 { errors.append(FieldError("name", .tooLong(field: "name", max: 100))) }
        if let channel = catalog.channel(window.channelCode) {
            if !window.programme.isEmpty && !channel.programmes.contains(window.programme) {
                errors.append(FieldError("programme", .unknownCode(field: "programme", code: String(window.programme.prefix(40)))))
            }
            if window.departmentCode.isEmpty { window.departmentCode = channel.department }
        } else {
            errors.append(FieldError("channel", window.channelCode.isEmpty ? .required(field: "channel") : .unknownCode(field: "channel", code: String(window.channelCode.prefix(40)))))
        }
        if reference.department(window.departmentCode) == nil {
            errors.append(FieldError("department", .unknownCode(field: "department", code: String(window.departmentCode.prefix(40)))))
        }
        if window.closesOn < window.opensOn { errors.append(FieldError("closesOn", .fixed(FundingText.closesBeforeOpens))) }
        if window.year != window.opensOn.year { errors.append(FieldError("year", .fixed(FundingText.windowYear))) }
        guard errors.isEmpty else { throw StoreError.invalid(ValidationFailure(errors)) }
        let checked = window
        return try await database.transaction { db in
            var window = checked
            let id = try await db.raw("""
                INSERT INTO funding_windows (channel, name, year, programme, opens_on, closes_on, department_code, note, created_at)
                VALUES (\(bind: window.channelCode), \(bind: window.name), \(bind: window.year), \(bind: window.programme), \(bind: window.opensOn.iso),
                        \(bind: window.closesOn.iso), \(bind: window.departmentCode), \(bind: window.note), \(bind: StoredTime.text(now)))
                RETURNING id
                """).first()!.decode(column: "id", as: Int64.self)
            try await AuditLog.write(entity: "funding_window", entityId: String(id), action: "create", before: nil, after: "\(window.year) \(window.name)",
                                     actor: actor, now: now, db: db)
            window.id = id
            return window
        }
    }

    /// Every batch, the latest first.
    public func windows() async throws -> [FundingWindow] {
        try await database.reader.raw("SELECT * FROM funding_windows ORDER BY opens_on DESC, id DESC").all().compactMap(Self.window)
    }

    /// The province's figure for a channel and year, replacing the one kept before.
    public func setProvince(_ figure: ProvinceFunding, catalog: FundingCatalog, actor: AuditActor, now: Date) async throws {
        var errors: [FieldError] = []
        if catalog.channel(figure.channelCode) == nil {
            errors.append(FieldError("channel", figure.channelCode.isEmpty ? .required(field: "channel") : .unknownCode(field: "channel", code: String(figure.channelCode.prefix(40)))))
        }
        if !(Day.plausibleYears).contains(figure.year) { errors.append(FieldError("year", .numberOutOfRange(field: "year", min: "2000", max: "2100"))) }
        if figure.projects < 0 || figure.projects > 1_000_000 { errors.append(FieldError("projects", .numberOutOfRange(field: "projects", min: "0", max: "1000000"))) }
        if figure.amount.yuan < 0 || figure.amount > Money.maximum { errors.append(FieldError("amount", .amountNotPositive(field: "amount"))) }
        if figure.projects == 0 && figure.amount.yuan == 0 { errors.append(FieldError("amount", .amountNotPositive(field: "amount"))) }
        guard errors.isEmpty else { throw StoreError.invalid(ValidationFailure(errors)) }
        try await database.transaction { db in
            try await db.raw("DELETE FROM funding_province_figures WHERE year = \(bind: figure.year) AND channel = \(bind: figure.channelCode)").run()
            try await db.raw("""
                INSERT INTO funding_province_figures (year, channel, projects, yuan, note, recorded_by, recorded_at)
                VALUES (\(bind: figure.year), \(bind: figure.channelCode), \(bind: figure.projects), \(bind: figure.amount.yuan),
                        \(bind: TextNormalizer.collapsedLine(figure.note)), \(bind: actor.name), \(bind: StoredTime.text(now)))
                """).run()
            try await AuditLog.write(entity: "funding_province", entityId: "\(figure.year)-\(figure.channelCode)", action: "set", before: nil,
                                     after: "\(figure.projects) \(figure.amount.yuan)", actor: actor, now: now, db: db)
        }
    }

    public func province(year: Int) async throws -> [ProvinceFunding] {
        try await database.reader.raw("SELECT * FROM funding_province_figures WHERE year = \(bind: year) ORDER BY channel").all().map { row in
            ProvinceFunding(year: try row.decode(column: "year", as: Int.self), channelCode: try row.decode(column: "channel", as: String.self),
                            projects: try row.decode(column: "projects", as: Int.self), amount: Money(yuan: try row.decode(column: "yuan", as: Int64.self)),
                            note: try row.decode(column: "note", as: String.self))
        }
    }
}

extension FundingRepository {
    static func window(id: Int64, db: any SQLDatabase) async throws -> FundingWindow? {
        try await db.raw("SELECT * FROM funding_windows WHERE id = \(bind: id)").first().flatMap(FundingWindowRepository.window)
    }
}

extension FundingWindowRepository {
    static func window(_ row: any SQLRow) throws -> FundingWindow? {
        guard let opens = Day.parse(try row.decode(column: "opens_on", as: String.self)), let closes = Day.parse(try row.decode(column: "closes_on", as: String.self)) else {
            return nil
        }
        return FundingWindow(id: try row.decode(column: "id", as: Int64.self), channelCode: try row.decode(column: "channel", as: String.self),
                             name: try row.decode(column: "name", as: String.self), year: try row.decode(column: "year", as: Int.self),
                             programme: try row.decode(column: "programme", as: String.self), opensOn: opens, closesOn: closes,
                             departmentCode: try row.decode(column: "department_code", as: String.self), note: try row.decode(column: "note", as: String.self))
    }
}
