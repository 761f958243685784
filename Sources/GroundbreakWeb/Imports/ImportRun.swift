import Crypto
import Foundation
import GroundbreakDomain
import GroundbreakOffice
import GroundbreakStore

/// A write an import plans, named in a form that changes when what the user saw changes.
public protocol PlannedWrite: Sendable {
    var digestKey: String { get }
}

extension LedgerWrite: PlannedWrite {
    public var digestKey: String {
        let project: String = switch self.project {
        case .create(_, let stage, _): "c\(row):\(stage.rawValue)"
        case .update(let id, let version, _, _): "u\(row):\(id)@\(version)"
        case nil: "k\(row):\(projectId ?? 0)"
        }
        return project + "|" + (className ?? "") + "|" + (statement.map { "\($0.nature?.rawValue ?? "")/\($0.plannedInvestment?.yuan ?? -1)" } ?? "")
    }
}

extension LeadSigningWrite: PlannedWrite {
    public var digestKey: String {
        let target: String = switch self.target {
        case .create(let lead): "c\(row):\(lead.unit.text)/\(lead.title)/\(lead.investor.kind.rawValue)"
        case .sign(let id, let version): "s\(row):\(id)@\(version)"
        }
        return target + "|\(signing.on.iso)/\(signing.amount.yuan)/\(signing.capital.rawValue)/\(signing.contract.rawValue)|\(progress)"
    }
}

extension MonthlyWrite: PlannedWrite {
    public var digestKey: String { "m\(row):\(projectId):\(month.iso)@\(expectedVersion ?? 0)" }
}

/// One file read and planned: what the preview shows and what commit writes.
public struct ImportRun<Planned: PlannedWrite>: Sendable {
    public var kind: ImportRecord.Kind
    public var fileName: String
    public var sha256: String
    public var size: Int
    public var preview: ImportPreview<Planned>
    /// A monthly file's: what its preview read, which the commit right after it may reuse.
    public var monthlyReads: MonthlyReads?

    /// What commit will do, bound to the file's bytes and to the stored versions it read.
    public var digest: String {
        let file = preview.ledger.map { [$0.regionCode ?? "", String($0.year ?? 0), String($0.threshold?.yuan ?? 0), $0.schemeName ?? ""] + $0.newClasses }
        let plan = preview.planned.map(\.digestKey).joined(separator: ",") + "|" + (file ?? []).joined(separator: "/")
        return Hex.encode(SHA256.hash(data: Data((kind.rawValue + "|" + sha256 + "|" + plan).utf8)))
    }

    public var record: ImportRecord {
        ImportRecord(kind: kind, fileName: fileName, sha256: sha256, size: size, created: preview.count(.create),
                     updated: preview.count(.update), unchanged: preview.count(.unchanged), skipped: preview.count(.skipped))
    }
}

extension ImportRecord.Kind {
    public var label: String {
        switch self {
        case .projects: WebText.Imports.ledger
        case .monthly: WebText.Imports.monthly
        case .leads: WebText.Imports.signingLedger
        case .funding: WebText.Imports.fundingList
        case .reserve: WebText.Imports.reserveList
        }
    }
}
