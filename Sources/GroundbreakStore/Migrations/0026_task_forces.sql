-- Task forces (专班) and their working groups (issue 16). Members are seats (positions), so a
-- change of person changes nothing here. A group follows projects named to it and every project
-- of the scheme classes it follows.

CREATE TABLE task_forces (
    id {{ID}},
    unit_kind TEXT NOT NULL,
    unit_code TEXT NOT NULL,
    name TEXT NOT NULL,
    shape TEXT NOT NULL,
    office TEXT NOT NULL,
    duty TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version BIGINT NOT NULL
);

-- A seat's place in a task force (leader, deputy) or a group (leader, member).
CREATE TABLE task_force_seats (
    task_force_id BIGINT NOT NULL REFERENCES task_forces (id),
    group_id BIGINT,
    position_id BIGINT NOT NULL REFERENCES positions (id),
    role TEXT NOT NULL,
    sort BIGINT NOT NULL
);
CREATE INDEX task_force_seats_position ON task_force_seats (position_id);

CREATE TABLE working_groups (
    id {{ID}},
    task_force_id BIGINT NOT NULL REFERENCES task_forces (id),
    name TEXT NOT NULL,
    lead_units TEXT NOT NULL,
    support_units TEXT NOT NULL,
    duty TEXT NOT NULL,
    sort BIGINT NOT NULL
);

CREATE TABLE working_group_projects (
    group_id BIGINT NOT NULL REFERENCES working_groups (id),
    project_id BIGINT NOT NULL REFERENCES projects (id),
    PRIMARY KEY (group_id, project_id)
);
CREATE INDEX working_group_projects_project ON working_group_projects (project_id);

CREATE TABLE working_group_classes (
    group_id BIGINT NOT NULL REFERENCES working_groups (id),
    class_id BIGINT NOT NULL REFERENCES scheme_classes (id),
    PRIMARY KEY (group_id, class_id)
);
