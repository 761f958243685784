-- Month-end close: the centre freezes a month's reported figures as a snapshot; later changes
-- to that month are corrections with a reason, kept beside the snapshot.

CREATE TABLE month_closes (
    month TEXT PRIMARY KEY,
    closed_at TEXT NOT NULL,
    closed_by TEXT NOT NULL
);

CREATE TABLE report_snapshots (
    month TEXT NOT NULL,
    project_id BIGINT NOT NULL REFERENCES projects (id),
    dispatch_yuan BIGINT NOT NULL,
    statistical_yuan BIGINT,
    progress_percent BIGINT,
    status TEXT NOT NULL,
    PRIMARY KEY (month, project_id)
);

CREATE TABLE report_corrections (
    id {{ID}},
    month TEXT NOT NULL,
    project_id BIGINT NOT NULL REFERENCES projects (id),
    dispatch_before BIGINT,
    dispatch_after BIGINT NOT NULL,
    statistical_before BIGINT,
    statistical_after BIGINT,
    reason TEXT NOT NULL,
    actor_name TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX report_corrections_month ON report_corrections (month, project_id);
