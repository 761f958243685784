-- Approvals on a working-day clock: the State Council calendar, the approval catalogue, each
-- project's approval items with their pauses and events, and 集中审批 batches.

CREATE TABLE calendar_days (
    date TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    festival TEXT NOT NULL DEFAULT '',
    statutory INTEGER NOT NULL DEFAULT 0,
    source TEXT NOT NULL,
    locally_edited INTEGER NOT NULL DEFAULT 0
);

-- Years whose notice is loaded; dates in other years fall back to Monday–Friday, provisionally.
CREATE TABLE calendar_years (
    year BIGINT PRIMARY KEY,
    source TEXT NOT NULL,
    loaded_at TEXT NOT NULL
);

CREATE TABLE approval_items (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    stage BIGINT NOT NULL,
    department_code TEXT NOT NULL,
    limit_value BIGINT NOT NULL,
    limit_unit TEXT NOT NULL,
    promised_value BIGINT,
    count_from TEXT NOT NULL DEFAULT 'nextDay',
    applies_to TEXT NOT NULL,
    basis TEXT NOT NULL DEFAULT '',
    confidence TEXT NOT NULL DEFAULT 'likely',
    sort BIGINT NOT NULL DEFAULT 0,
    valid_from TEXT,
    valid_to TEXT,
    source TEXT NOT NULL,
    locally_edited INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE approval_plans (
    project_id BIGINT PRIMARY KEY REFERENCES projects (id),
    approval_type TEXT NOT NULL,
    target_start TEXT,
    updated_at TEXT NOT NULL
);

CREATE TABLE project_approvals (
    id {{ID}},
    project_id BIGINT NOT NULL REFERENCES projects (id),
    item_code TEXT NOT NULL REFERENCES approval_items (code),
    status TEXT NOT NULL,
    status_before_pause TEXT,
    applied_on TEXT,
    accepted_on TEXT,
    supplement_due TEXT,
    missing_materials TEXT NOT NULL DEFAULT '',
    decided_on TEXT,
    document_number TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1,
    UNIQUE (project_id, item_code)
);
CREATE INDEX project_approvals_item_status ON project_approvals (item_code, status);

CREATE TABLE approval_pauses (
    id {{ID}},
    approval_id BIGINT NOT NULL REFERENCES project_approvals (id),
    reason TEXT NOT NULL,
    from_day TEXT NOT NULL,
    to_day TEXT
);
CREATE INDEX approval_pauses_approval ON approval_pauses (approval_id, id);

-- Every event with its reason: the extension log of each item.
CREATE TABLE approval_events (
    id {{ID}},
    approval_id BIGINT NOT NULL REFERENCES project_approvals (id),
    kind TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '',
    actor_user_id BIGINT,
    actor_name TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX approval_events_approval ON approval_events (approval_id, id);

CREATE TABLE approval_batches (
    id {{ID}},
    name TEXT NOT NULL,
    held_on TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);

CREATE TABLE approval_batch_projects (
    batch_id BIGINT NOT NULL REFERENCES approval_batches (id),
    project_id BIGINT NOT NULL REFERENCES projects (id),
    PRIMARY KEY (batch_id, project_id)
);
