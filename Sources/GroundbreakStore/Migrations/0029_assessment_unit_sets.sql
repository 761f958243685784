-- Departments (市直部门) and a task force's working groups are ranked beside the regions (issue 16):
-- each month's close freezes one table per set. The regions' tables frozen so far move across
-- under the set `regions`.

CREATE TABLE assessment_frozen_tables (
    month TEXT NOT NULL,
    unit_set TEXT NOT NULL,
    scheme_version BIGINT NOT NULL,
    table_json TEXT NOT NULL,
    frozen_at TEXT NOT NULL,
    frozen_by TEXT NOT NULL,
    PRIMARY KEY (month, unit_set)
);

INSERT INTO assessment_frozen_tables (month, unit_set, scheme_version, table_json, frozen_at, frozen_by)
SELECT month, 'regions', scheme_version, table_json, frozen_at, frozen_by FROM assessment_tables;

DROP TABLE assessment_tables;
