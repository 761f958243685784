-- Annual plans: per project and year, the planned investment, the planned start and completion in
-- the year, new start or continuing, whether it is on the year's 开复工 list, and its campaign.

CREATE TABLE annual_plans (
    project_id BIGINT NOT NULL REFERENCES projects (id),
    year BIGINT NOT NULL,
    planned_investment_yuan BIGINT NOT NULL,
    planned_start TEXT,
    planned_completion TEXT,
    nature TEXT NOT NULL,
    in_start_list INTEGER NOT NULL DEFAULT 0,
    campaign TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1,
    PRIMARY KEY (project_id, year)
);
CREATE INDEX annual_plans_year ON annual_plans (year);
