-- Imports of units' Excel and CSV ledgers: who brought in which file, and what it did. The
-- projects and reports it wrote carry their own audit rows, with the import named as the reason.

CREATE TABLE imports (
    id {{ID}},
    kind TEXT NOT NULL,
    file_name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size BIGINT NOT NULL,
    created_count INTEGER NOT NULL,
    updated_count INTEGER NOT NULL,
    unchanged_count INTEGER NOT NULL,
    skipped_count INTEGER NOT NULL,
    actor_user_id BIGINT,
    actor_name TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX imports_at ON imports (at);
