-- A unit's own classification schemes (口径) and its year lists (年度重点项目计划), issue 14.
-- A scheme belongs to a region (the city's own code for the city); a class may say which shipped
-- category it falls under; a class an import added is unconfirmed (待确认) until the centre says.

CREATE TABLE classification_schemes (
    id {{ID}},
    region_code TEXT NOT NULL REFERENCES regions (code),
    name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1,
    UNIQUE (region_code, name)
);

CREATE TABLE scheme_classes (
    id {{ID}},
    scheme_id BIGINT NOT NULL REFERENCES classification_schemes (id),
    name TEXT NOT NULL,
    short_name TEXT NOT NULL DEFAULT '',
    category_code TEXT REFERENCES categories (code),
    -- One synonym per line.
    synonyms TEXT NOT NULL DEFAULT '',
    confirmed INTEGER NOT NULL DEFAULT 1,
    sort BIGINT NOT NULL DEFAULT 0,
    UNIQUE (scheme_id, name)
);

-- One class per scheme that applies to a project.
CREATE TABLE project_classes (
    project_id BIGINT NOT NULL REFERENCES projects (id),
    scheme_id BIGINT NOT NULL REFERENCES classification_schemes (id),
    class_id BIGINT NOT NULL REFERENCES scheme_classes (id),
    PRIMARY KEY (project_id, scheme_id)
);
CREATE INDEX project_classes_class ON project_classes (class_id, project_id);

CREATE TABLE year_lists (
    id {{ID}},
    region_code TEXT NOT NULL REFERENCES regions (code),
    year BIGINT NOT NULL,
    threshold_yuan BIGINT NOT NULL,
    level TEXT,
    title TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    UNIQUE (region_code, year, threshold_yuan)
);

-- The officials' 建设性质 for the year, kept as stated; planned investment when the list gives it.
CREATE TABLE year_list_entries (
    list_id BIGINT NOT NULL REFERENCES year_lists (id),
    project_id BIGINT NOT NULL REFERENCES projects (id),
    nature TEXT,
    planned_investment_yuan BIGINT,
    PRIMARY KEY (list_id, project_id)
);
CREATE INDEX year_list_entries_project ON year_list_entries (project_id);
