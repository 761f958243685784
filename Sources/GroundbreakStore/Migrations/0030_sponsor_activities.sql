-- What a sponsoring leader did on a project (issue 16; seed 001 §30, §35): site visits (现场办公),
-- on-site coordination meetings (现场协调会) and written instructions (批示), kept per seat so that a
-- change of person leaves the seat's record whole.

CREATE TABLE sponsor_activities (
    id {{ID}},
    position_id BIGINT NOT NULL REFERENCES positions (id),
    project_id BIGINT NOT NULL REFERENCES projects (id),
    kind TEXT NOT NULL,
    happened_on TEXT NOT NULL,
    summary TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL
);
CREATE INDEX sponsor_activities_position ON sponsor_activities (position_id, happened_on);
CREATE INDEX sponsor_activities_project ON sponsor_activities (project_id);
