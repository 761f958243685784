import Foundation
import GroundbreakDomain
import GroundbreakStore

/// A unit's 签约项目台账 imported into its leads: upload, preview every row, commit all or nothing.
enum LeadImportPages {
    typealias T = WebText.Leads

    // Computed, and named by the endpoints only inside their handlers: its routes come from those
    // endpoints' declarations, so building it while they are declared would never end.
    static var list: ListImportPages<LeadSigningWrite> {
        ListImportPages<LeadSigningWrite>(
            kind: .leads, routes: ImportPages.PreviewRoutes(commit: .leadImportCommit, back: .leadImport, done: .leadImport, nav: .leads),
            title: T.importTitle, back: .leads(), backLabel: T.title, action: .leadImport, hints: [T.importHint, T.importRules],
            plan: { input, bytes, fileName in
                try await input.services.importer.previewSignings(bytes, fileName: fileName, principal: try input.requirePrincipal(), leads: input.services.leadCatalog,
                                                                  today: input.today)
            },
            write: { input, run in
                try await input.services.importer.commit(run, leads: input.services.leadCatalog, actor: input.actor, today: input.today, now: input.now)
            })
    }
}
