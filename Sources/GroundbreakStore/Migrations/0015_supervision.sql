-- Supervised items (督办事项) and their events: opened by the supervision office or the centre
-- (from a meeting decision, a leader's instruction or a problem), answered by the owner unit,
-- closed out by the supervision office; overdue items are urged, each urge a 督办函.

CREATE TABLE supervised_items (
    id {{ID}},
    content TEXT NOT NULL,
    owner_kind TEXT NOT NULL,
    owner_code TEXT NOT NULL,
    deadline TEXT NOT NULL,
    source TEXT NOT NULL,
    source_note TEXT NOT NULL,
    problem_id BIGINT REFERENCES problems (id),
    status TEXT NOT NULL,
    created_on TEXT NOT NULL,
    created_by TEXT NOT NULL,
    done_on TEXT,
    closed_on TEXT,
    urges INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL
);
CREATE INDEX supervised_items_owner ON supervised_items (owner_kind, owner_code, status);
CREATE INDEX supervised_items_status_deadline ON supervised_items (status, deadline);

CREATE TABLE supervision_events (
    id {{ID}},
    item_id BIGINT NOT NULL REFERENCES supervised_items (id),
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    deadline TEXT NOT NULL,
    status_after TEXT NOT NULL,
    actor_user_id BIGINT,
    actor_name TEXT NOT NULL,
    on_day TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX supervision_events_item ON supervision_events (item_id, id);
