-- Foundation: reference data, positions, users and sessions, the project ledger, the audit log.
-- Portable SQL for SQLite 3.40+ and PostgreSQL 15. {{ID}} is an auto-assigned integer key
-- (see Dialect.swift). Days are TEXT 'YYYY-MM-DD'; instants are TEXT ISO 8601 UTC with
-- milliseconds; money is BIGINT yuan; flags are INTEGER 0/1.

CREATE TABLE regions (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    parent_code TEXT,
    alias_of TEXT,
    sort BIGINT NOT NULL DEFAULT 0,
    valid_from TEXT,
    valid_to TEXT,
    confidence TEXT NOT NULL DEFAULT 'confirmed',
    source TEXT NOT NULL,
    notes TEXT NOT NULL DEFAULT '',
    locally_edited INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE zones (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    short_name TEXT NOT NULL,
    level TEXT NOT NULL,
    code_source TEXT NOT NULL,
    parent_code TEXT,
    sort BIGINT NOT NULL DEFAULT 0,
    valid_from TEXT,
    valid_to TEXT,
    confidence TEXT NOT NULL DEFAULT 'confirmed',
    source TEXT NOT NULL,
    notes TEXT NOT NULL DEFAULT '',
    locally_edited INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE departments (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    short_name TEXT NOT NULL,
    level TEXT NOT NULL,
    region_code TEXT,
    kind TEXT NOT NULL,
    sort BIGINT NOT NULL DEFAULT 0,
    valid_from TEXT,
    valid_to TEXT,
    confidence TEXT NOT NULL DEFAULT 'confirmed',
    source TEXT NOT NULL,
    locally_edited INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE categories (
    code TEXT PRIMARY KEY,
    level BIGINT NOT NULL,
    parent_code TEXT,
    name TEXT NOT NULL,
    sort BIGINT NOT NULL DEFAULT 0,
    valid_from TEXT,
    valid_to TEXT,
    confidence TEXT NOT NULL DEFAULT 'confirmed',
    source TEXT NOT NULL,
    notes TEXT NOT NULL DEFAULT '',
    locally_edited INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE industry_sections (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    division_from TEXT NOT NULL,
    division_to TEXT NOT NULL,
    valid_from TEXT,
    valid_to TEXT,
    source TEXT NOT NULL,
    locally_edited INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE industry_divisions (
    code TEXT PRIMARY KEY,
    section_code TEXT NOT NULL REFERENCES industry_sections (code),
    name TEXT NOT NULL,
    valid_from TEXT,
    valid_to TEXT,
    source TEXT NOT NULL,
    locally_edited INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE size_bands (
    code TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    min_yuan BIGINT NOT NULL,
    sort BIGINT NOT NULL DEFAULT 0,
    valid_from TEXT,
    valid_to TEXT,
    source TEXT NOT NULL,
    notes TEXT NOT NULL DEFAULT '',
    locally_edited INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE tags (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    sort BIGINT NOT NULL DEFAULT 0,
    valid_from TEXT,
    valid_to TEXT,
    source TEXT NOT NULL,
    locally_edited INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE flag_rules (
    code TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    severity TEXT NOT NULL,
    conditions TEXT NOT NULL,
    basis TEXT NOT NULL DEFAULT '',
    valid_from TEXT,
    valid_to TEXT,
    source TEXT NOT NULL,
    locally_edited INTEGER NOT NULL DEFAULT 0
);

-- Which reference file was loaded, so a changed file is reloaded on the next migrate.
CREATE TABLE reference_loads (
    file TEXT PRIMARY KEY,
    checksum TEXT NOT NULL,
    loaded_at TEXT NOT NULL
);

CREATE TABLE positions (
    id {{ID}},
    title TEXT NOT NULL,
    unit_name TEXT NOT NULL,
    duty TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE people (
    id {{ID}},
    name TEXT NOT NULL,
    phone TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);

-- Who holds a seat, and since when; a change of person closes one row and opens another.
CREATE TABLE position_holders (
    id {{ID}},
    position_id BIGINT NOT NULL REFERENCES positions (id),
    person_id BIGINT NOT NULL REFERENCES people (id),
    held_from TEXT NOT NULL,
    held_to TEXT
);
CREATE INDEX position_holders_position ON position_holders (position_id, held_to);

CREATE TABLE users (
    id {{ID}},
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    is_admin INTEGER NOT NULL DEFAULT 0,
    must_change_password INTEGER NOT NULL DEFAULT 1,
    disabled INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- Sessions live in the database so several server instances share them. The cookie carries a
-- random token; only its SHA-256 is stored.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id),
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    source_ip TEXT NOT NULL DEFAULT '',
    user_agent TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE projects (
    id {{ID}},
    code TEXT UNIQUE,
    name TEXT NOT NULL,
    owner_name TEXT NOT NULL DEFAULT '',
    owner_credit_code TEXT,
    region_code TEXT NOT NULL REFERENCES regions (code),
    zone_code TEXT REFERENCES zones (code),
    category_code TEXT NOT NULL REFERENCES categories (code),
    industry_division TEXT REFERENCES industry_divisions (code),
    industry_section TEXT REFERENCES industry_sections (code),
    investment_type TEXT NOT NULL,
    total_investment BIGINT NOT NULL,
    construction_content TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    longitude DOUBLE PRECISION,
    latitude DOUBLE PRECISION,
    planned_start TEXT,
    planned_completion TEXT,
    actual_start TEXT,
    actual_completion TEXT,
    stage TEXT NOT NULL,
    suspended_from TEXT,
    stage_note TEXT,
    lead_department_code TEXT REFERENCES departments (code),
    sponsor_position_id BIGINT REFERENCES positions (id),
    secretary_position_id BIGINT REFERENCES positions (id),
    -- Lower-cased name, code and owner joined, for the ledger's text search.
    search_text TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX projects_stage_investment ON projects (stage, total_investment);
CREATE INDEX projects_region_investment ON projects (region_code, total_investment);
CREATE INDEX projects_zone ON projects (zone_code);
CREATE INDEX projects_category ON projects (category_code);
CREATE INDEX projects_industry ON projects (industry_section, industry_division);
CREATE INDEX projects_lead_department ON projects (lead_department_code);
CREATE INDEX projects_investment ON projects (total_investment);
CREATE INDEX projects_updated ON projects (updated_at);
CREATE INDEX projects_planned_start ON projects (planned_start);
CREATE INDEX projects_actual_start ON projects (actual_start);

CREATE TABLE project_levels (
    project_id BIGINT NOT NULL REFERENCES projects (id),
    level TEXT NOT NULL,
    PRIMARY KEY (project_id, level)
);
CREATE INDEX project_levels_level ON project_levels (level, project_id);

CREATE TABLE project_tags (
    project_id BIGINT NOT NULL REFERENCES projects (id),
    tag_code TEXT NOT NULL REFERENCES tags (code),
    PRIMARY KEY (project_id, tag_code)
);
CREATE INDEX project_tags_tag ON project_tags (tag_code, project_id);

CREATE TABLE project_support_departments (
    project_id BIGINT NOT NULL REFERENCES projects (id),
    department_code TEXT NOT NULL REFERENCES departments (code),
    PRIMARY KEY (project_id, department_code)
);

CREATE TABLE stage_transitions (
    id {{ID}},
    project_id BIGINT NOT NULL REFERENCES projects (id),
    from_stage TEXT NOT NULL,
    to_stage TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    actor_user_id BIGINT,
    actor_name TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX stage_transitions_project ON stage_transitions (project_id, id);

-- Append-only: no code path updates or deletes a row (enforced by triggers in 0002).
CREATE TABLE audit_log (
    id {{ID}},
    at TEXT NOT NULL,
    actor_user_id BIGINT,
    actor_name TEXT NOT NULL,
    source_ip TEXT NOT NULL DEFAULT '',
    request_id TEXT NOT NULL DEFAULT '',
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    action TEXT NOT NULL,
    before_json TEXT,
    after_json TEXT,
    reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id, id);
CREATE INDEX audit_log_at ON audit_log (at);
