-- 向上资金争取 (issue 19): batches the channels open, applications packaging projects, the
-- applicant's checklist answers, every event with its money (in yuan, tranches add up), and the
-- province's figures entered so shares can be given. Channels are codes of funding_catalog.json.

CREATE TABLE funding_windows (
    id {{ID}},
    channel TEXT NOT NULL,
    name TEXT NOT NULL,
    year INTEGER NOT NULL,
    programme TEXT NOT NULL,
    opens_on TEXT NOT NULL,
    closes_on TEXT NOT NULL,
    department_code TEXT NOT NULL,
    note TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX funding_windows_channel ON funding_windows (channel, year);

CREATE TABLE funding_applications (
    id {{ID}},
    title TEXT NOT NULL,
    channel TEXT NOT NULL,
    programme TEXT NOT NULL,
    window_id BIGINT REFERENCES funding_windows (id),
    unit_kind TEXT NOT NULL,
    unit_code TEXT NOT NULL,
    handler_name TEXT NOT NULL,
    state TEXT NOT NULL,
    state_since TEXT NOT NULL,
    created_on TEXT NOT NULL,
    submitted_on TEXT,
    approved_yuan BIGINT,
    version BIGINT NOT NULL
);
CREATE INDEX funding_applications_unit ON funding_applications (unit_kind, unit_code);
CREATE INDEX funding_applications_channel ON funding_applications (channel, state);

CREATE TABLE funding_application_projects (
    application_id BIGINT NOT NULL REFERENCES funding_applications (id),
    project_id BIGINT NOT NULL REFERENCES projects (id),
    asked_yuan BIGINT NOT NULL,
    PRIMARY KEY (application_id, project_id)
);
CREATE INDEX funding_application_projects_project ON funding_application_projects (project_id);

CREATE TABLE funding_checklist (
    application_id BIGINT NOT NULL REFERENCES funding_applications (id),
    item_code TEXT NOT NULL,
    met INTEGER NOT NULL,
    evidence TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (application_id, item_code)
);

CREATE TABLE funding_events (
    id {{ID}},
    application_id BIGINT NOT NULL REFERENCES funding_applications (id),
    kind TEXT NOT NULL,
    happened_on TEXT NOT NULL,
    yuan BIGINT,
    note TEXT NOT NULL,
    actor_name TEXT NOT NULL,
    recorded_at TEXT NOT NULL
);
CREATE INDEX funding_events_application ON funding_events (application_id);

CREATE TABLE funding_province_figures (
    year INTEGER NOT NULL,
    channel TEXT NOT NULL,
    projects INTEGER NOT NULL,
    yuan BIGINT NOT NULL,
    note TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (year, channel)
);
