-- Which projects each ledger generation changed (issue 18): the in-memory ledger index moves
-- forward by re-reading those projects instead of the whole ledger. Written in the transaction
-- that bumps `ledger_state.generation`, with the generation it bumped to; that row is locked from
-- the bump to the commit, so generations commit in order and a reader that sees generation N sees
-- every change row up to N. A NULL project means "anything may have changed" (the calendar, the
-- catalogue, a bulk job): the index is read again whole, as it is when a generation has no row
-- (a bump made outside a transaction, a migration). Rows far behind the newest are pruned.

CREATE TABLE ledger_changes (
    generation BIGINT NOT NULL,
    project_id BIGINT
);

CREATE INDEX ledger_changes_generation ON ledger_changes (generation);
