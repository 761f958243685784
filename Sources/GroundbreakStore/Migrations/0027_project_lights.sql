-- 红黄绿灯 history (issue 16): a project's light is recorded each day by the scheduler, one row
-- whenever its colour changes, with the day, the rule version that lit it and why.

CREATE TABLE project_lights (
    id {{ID}},
    project_id BIGINT NOT NULL REFERENCES projects (id),
    colour TEXT NOT NULL,
    since TEXT NOT NULL,
    rule_version BIGINT NOT NULL,
    explanation TEXT NOT NULL,
    recorded_at TEXT NOT NULL
);
CREATE INDEX project_lights_project ON project_lights (project_id, id);
