-- The scheduler's lease (one row per scheduler: whoever holds it unexpired runs the jobs, so
-- several server instances on one database run each job once), the record of each job's runs
-- (keyed per period, so a daily job runs once a day whoever holds the lease), the in-app inbox,
-- and outbound webhooks with the log of every delivery attempt.

CREATE TABLE scheduler_leases (
    name TEXT PRIMARY KEY,
    holder TEXT NOT NULL,
    expires_at TEXT NOT NULL
);

CREATE TABLE scheduled_runs (
    job TEXT NOT NULL,
    run_key TEXT NOT NULL,
    holder TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    outcome TEXT NOT NULL,
    detail TEXT NOT NULL,
    PRIMARY KEY (job, run_key)
);

CREATE TABLE notifications (
    id {{ID}},
    user_id BIGINT NOT NULL REFERENCES users (id),
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    link TEXT NOT NULL,
    dedupe_key TEXT NOT NULL,
    created_at TEXT NOT NULL,
    read_at TEXT,
    UNIQUE (user_id, dedupe_key)
);
CREATE INDEX notifications_inbox ON notifications (user_id, read_at, id);

-- Each notice (a reminder per deadline, an alert per assignment) goes out once, to the inbox
-- and the webhooks alike, however often the job that finds it runs.
CREATE TABLE notice_keys (
    dedupe_key TEXT PRIMARY KEY,
    token TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE webhooks (
    id {{ID}},
    url TEXT NOT NULL,
    secret TEXT NOT NULL,
    event_types TEXT NOT NULL,
    active INTEGER NOT NULL,
    description TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE webhook_deliveries (
    id {{ID}},
    webhook_id BIGINT NOT NULL REFERENCES webhooks (id),
    event_type TEXT NOT NULL,
    payload TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    next_attempt_at TEXT NOT NULL,
    last_status_code INTEGER,
    last_error TEXT NOT NULL,
    created_at TEXT NOT NULL,
    delivered_at TEXT
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
CREATE INDEX webhook_deliveries_hook ON webhook_deliveries (webhook_id, id);
