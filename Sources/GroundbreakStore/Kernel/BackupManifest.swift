import Foundation

/// What a backup holds, written last into its folder (a folder without one is not a backup): the
/// database file and its checksum, every attachment and its checksum, and the figures the
/// database held at the moment it was copied — the restore checks all three.
public struct BackupManifest: Codable, Sendable, Equatable {
    public static let fileName = "manifest.json"

    public var format: Int
    /// `sqlite` or `postgres`: a backup restores onto the engine it came from.
    public var engine: DatabaseEngine
    public var createdAt: Date
    /// The migrations applied: a restore onto a newer build migrates forward as any start does.
    public var migrations: Int
    /// The database's file in the folder, and its SHA-256.
    public var databaseFile: String
    public var databaseSHA256: String
    /// Attachments by their path under `attachments/`, each with its SHA-256.
    public var attachments: [String: String]
    public var figures: BackupFigures

    public init(engine: DatabaseEngine, createdAt: Date, migrations: Int, databaseFile: String, databaseSHA256: String, attachments: [String: String],
                figures: BackupFigures) {
        self.format = 1
        self.engine = engine
        self.createdAt = createdAt
        self.migrations = migrations
        self.databaseFile = databaseFile
        self.databaseSHA256 = databaseSHA256
        self.attachments = attachments
        self.figures = figures
    }
}

/// The figures a restore must give back exactly: every table's rows, and the money the ledger
/// and the monthly reports add up to.
public struct BackupFigures: Codable, Sendable, Equatable {
    public var rows: [String: Int]
    public var totalInvestmentYuan: Int64
    public var dispatchYuan: Int64

    public init(rows: [String: Int], totalInvestmentYuan: Int64, dispatchYuan: Int64) {
        self.rows = rows
        self.totalInvestmentYuan = totalInvestmentYuan
        self.dispatchYuan = dispatchYuan
    }

    /// What differs from `other`, in words, table by table.
    public func differences(from other: BackupFigures) -> [String] {
        var found: [String] = []
        for table in Set(rows.keys).union(other.rows.keys).sorted() where rows[table] != other.rows[table] {
            found.append(StoreText.Backup.rowsDiffer(table, expected: other.rows[table] ?? 0, found: rows[table] ?? 0))
        }
        if totalInvestmentYuan != other.totalInvestmentYuan { found.append(StoreText.Backup.sumDiffers("projects.total_investment")) }
        if dispatchYuan != other.dispatchYuan { found.append(StoreText.Backup.sumDiffers("monthly_reports.dispatch_yuan")) }
        return found
    }
}
