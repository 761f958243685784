-- 要素保障 (issue 19): each project's readiness items (codes of readiness_items.json) with their
-- state, due and done days, the unit answering, the way land was supplied; kept under a version
-- per item. An item not recorded is pending.

CREATE TABLE readiness_items (
    project_id BIGINT NOT NULL REFERENCES projects (id),
    item_code TEXT NOT NULL,
    state TEXT NOT NULL,
    due_on TEXT,
    done_on TEXT,
    unit_kind TEXT,
    unit_code TEXT,
    way TEXT NOT NULL,
    note TEXT NOT NULL,
    version BIGINT NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (project_id, item_code)
);
CREATE INDEX readiness_items_land ON readiness_items (item_code, state);
