-- 谋划储备 (issue 19): a project's entry in the county (县区、开发区) or city reserve library, with
-- where it came from (seed 001 §10–14), its grade, the 谋划 note, and when it entered and was
-- promoted. Designations (龙头, 标志性) stay the project's tags.

CREATE TABLE reserve_entries (
    project_id BIGINT NOT NULL PRIMARY KEY REFERENCES projects (id),
    level TEXT NOT NULL,
    source TEXT NOT NULL,
    grade TEXT NOT NULL,
    note TEXT NOT NULL,
    entered_on TEXT NOT NULL,
    promoted_on TEXT,
    version BIGINT NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX reserve_entries_level ON reserve_entries (level);
