-- The ledger's read path at province scale (100,000 projects).
--
-- 1. Covering indexes: a filter on one of these columns plus the per-stage count and total
--    investment of the filtered set is answered from the index alone.
-- 2. ledger_state.generation: bumped in the same transaction as every change to projects, so a
--    cached ledger page is known to be current with one primary-key read, on every instance.

CREATE INDEX projects_region_stage_investment ON projects (region_code, stage, total_investment);
CREATE INDEX projects_zone_stage_investment ON projects (zone_code, stage, total_investment);
CREATE INDEX projects_category_stage_investment ON projects (category_code, stage, total_investment);
CREATE INDEX projects_section_stage_investment ON projects (industry_section, stage, total_investment);
CREATE INDEX projects_lead_stage_investment ON projects (lead_department_code, stage, total_investment);

CREATE TABLE ledger_state (
    id INTEGER PRIMARY KEY,
    generation BIGINT NOT NULL
);
INSERT INTO ledger_state (id, generation) VALUES (1, 0);
