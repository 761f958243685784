extension Database {
    /// Reads now what the first figure page and the first ledger list would read: the figures'
    /// snapshot (awaited) and the ledger's index (started in the background). Nothing is read for a
    /// ledger below their minimum size. For an instance started with `GROUNDBREAK_FIGURES_WARM`.
    public func warm() async throws {
        ledgerIndex.refresh(self)
        _ = try await projectSnapshot.snapshot(self)
    }
}
