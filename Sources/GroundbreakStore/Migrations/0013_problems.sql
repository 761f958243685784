-- Problems that block projects (问题清单), and every event of their handling: raised, assigned
-- (分办), replies, resolved with evidence, closed out (销号) or reopened, suspended, escalated a
-- level. Nothing is deleted; a problem's current state is its row, its history its events.

CREATE TABLE problems (
    id {{ID}},
    project_id BIGINT REFERENCES projects (id),
    enterprise_name TEXT NOT NULL,
    region_code TEXT NOT NULL,
    category_code TEXT NOT NULL,
    description TEXT NOT NULL,
    raised_by_user_id BIGINT,
    raised_by_name TEXT NOT NULL,
    raised_on TEXT NOT NULL,
    level TEXT NOT NULL,
    owner_kind TEXT,
    owner_code TEXT,
    deadline TEXT,
    status TEXT NOT NULL,
    suspended_from TEXT,
    status_note TEXT NOT NULL,
    resolved_on TEXT,
    closed_on TEXT,
    escalations INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL
);
CREATE INDEX problems_project ON problems (project_id);
CREATE INDEX problems_owner ON problems (owner_kind, owner_code, status);
CREATE INDEX problems_status_deadline ON problems (status, deadline);
CREATE INDEX problems_region ON problems (region_code);

CREATE TABLE problem_support_units (
    problem_id BIGINT NOT NULL REFERENCES problems (id),
    unit_kind TEXT NOT NULL,
    unit_code TEXT NOT NULL,
    PRIMARY KEY (problem_id, unit_kind, unit_code)
);
CREATE INDEX problem_support_units_unit ON problem_support_units (unit_kind, unit_code);

CREATE TABLE problem_events (
    id {{ID}},
    problem_id BIGINT NOT NULL REFERENCES problems (id),
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    level TEXT NOT NULL,
    owner_kind TEXT,
    owner_code TEXT,
    deadline TEXT,
    status_after TEXT NOT NULL,
    actor_user_id BIGINT,
    actor_name TEXT NOT NULL,
    on_day TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX problem_events_problem ON problem_events (problem_id, id);
