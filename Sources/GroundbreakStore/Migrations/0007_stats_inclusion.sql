-- Statistics inclusion (入统): a project's admission to the statistics library and the first month
-- it reported figures there, kept apart from its actual start (three separate dates).

CREATE TABLE stats_inclusions (
    project_id BIGINT PRIMARY KEY REFERENCES projects (id),
    admitted_on TEXT NOT NULL,
    first_reported_month TEXT,
    note TEXT NOT NULL DEFAULT '',
    recorded_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX stats_inclusions_admitted ON stats_inclusions (admitted_on);
