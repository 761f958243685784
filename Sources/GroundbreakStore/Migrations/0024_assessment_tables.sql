-- The month's cross-unit table and assessment (issue 16), frozen when the month closes: the
-- figures, scores and ranks as they stood, with the scheme that scored them. Re-opening the
-- month drops it; the next close freezes it afresh.

CREATE TABLE assessment_tables (
    month TEXT PRIMARY KEY,
    scheme_version BIGINT NOT NULL,
    table_json TEXT NOT NULL,
    frozen_at TEXT NOT NULL,
    frozen_by TEXT NOT NULL
);
