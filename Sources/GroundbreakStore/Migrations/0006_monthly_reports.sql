-- Monthly reports (月度填报): one per project and month, two separate completed-investment
-- figures (dispatch and statistical), progress, and the centre's review.

CREATE TABLE monthly_reports (
    id {{ID}},
    project_id BIGINT NOT NULL REFERENCES projects (id),
    month TEXT NOT NULL,
    dispatch_yuan BIGINT NOT NULL,
    statistical_yuan BIGINT,
    progress_text TEXT NOT NULL DEFAULT '',
    progress_percent BIGINT,
    jobs BIGINT,
    jump_reason TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,
    review_comment TEXT NOT NULL DEFAULT '',
    submitted_at TEXT NOT NULL,
    submitted_by TEXT NOT NULL,
    reviewed_at TEXT,
    reviewed_by TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1,
    UNIQUE (project_id, month)
);
CREATE INDEX monthly_reports_month ON monthly_reports (month, status);
