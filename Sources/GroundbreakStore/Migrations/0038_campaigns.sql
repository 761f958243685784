-- 集中开工 (issue 19): batches by year and season, the day held, the unit holding them (null:
-- the city), and the projects planned to start in each.

CREATE TABLE campaigns (
    id {{ID}},
    year INTEGER NOT NULL,
    season TEXT NOT NULL,
    name TEXT NOT NULL,
    held_on TEXT NOT NULL,
    unit_kind TEXT,
    unit_code TEXT,
    note TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX campaigns_year ON campaigns (year);

CREATE TABLE campaign_projects (
    campaign_id BIGINT NOT NULL REFERENCES campaigns (id),
    project_id BIGINT NOT NULL REFERENCES projects (id),
    added_on TEXT NOT NULL,
    PRIMARY KEY (campaign_id, project_id)
);
CREATE INDEX campaign_projects_project ON campaign_projects (project_id);
