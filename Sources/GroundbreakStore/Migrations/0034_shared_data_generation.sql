-- What every instance holds in memory besides the ledger — the reference catalogue with its
-- seats, the approval catalogue, the working-day calendar — changes rarely; its own counter,
-- bumped in the transaction of each such change, tells the other instances to read it again
-- (issue 18). The ledger generation moves with every project write and would have them re-read
-- it every few seconds for nothing.

ALTER TABLE ledger_state ADD COLUMN shared_generation BIGINT NOT NULL DEFAULT 0;
