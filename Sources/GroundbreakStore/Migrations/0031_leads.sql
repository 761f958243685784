-- 招商 (issue 17): investors, the leads they bring and every event on a lead. Stages and channels
-- are codes of lead_catalog.json. A confidential lead is seen only by its unit and the 招商 office.

CREATE TABLE investors (
    id {{ID}},
    name TEXT NOT NULL,
    credit_code TEXT,
    kind TEXT NOT NULL,
    home_region TEXT NOT NULL
);
CREATE UNIQUE INDEX investors_credit_code ON investors (credit_code);
CREATE INDEX investors_name ON investors (name);

CREATE TABLE leads (
    id {{ID}},
    title TEXT NOT NULL,
    investor_id BIGINT NOT NULL REFERENCES investors (id),
    industry_division TEXT,
    scheme_class_id BIGINT,
    intended_yuan BIGINT NOT NULL,
    channel TEXT NOT NULL,
    unit_kind TEXT NOT NULL,
    unit_code TEXT NOT NULL,
    handler_name TEXT NOT NULL,
    sponsor_seat BIGINT,
    confidential INTEGER NOT NULL,
    stage TEXT NOT NULL,
    stage_since TEXT NOT NULL,
    status TEXT NOT NULL,
    status_reason TEXT NOT NULL,
    signed_on TEXT,
    signed_yuan BIGINT,
    contract_kind TEXT,
    capital TEXT,
    registered_credit_code TEXT,
    project_id BIGINT REFERENCES projects (id),
    created_on TEXT NOT NULL,
    first_action_on TEXT,
    assessed_on TEXT,
    last_activity_on TEXT NOT NULL,
    version BIGINT NOT NULL
);
CREATE INDEX leads_unit ON leads (unit_kind, unit_code);
CREATE INDEX leads_stage ON leads (stage, status);

CREATE TABLE lead_events (
    id {{ID}},
    lead_id BIGINT NOT NULL REFERENCES leads (id),
    kind TEXT NOT NULL,
    stage TEXT NOT NULL,
    direction TEXT,
    happened_on TEXT NOT NULL,
    note TEXT NOT NULL,
    actor_name TEXT NOT NULL,
    recorded_at TEXT NOT NULL
);
CREATE INDEX lead_events_lead ON lead_events (lead_id);
