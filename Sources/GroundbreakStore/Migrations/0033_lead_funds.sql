-- 到位资金 (issue 17): money that arrived for a lead in a month, 内资 in yuan, 外资 in its currency
-- with the rate used; the yuan figure is kept as counted.

CREATE TABLE lead_funds (
    id {{ID}},
    lead_id BIGINT NOT NULL REFERENCES leads (id),
    month TEXT NOT NULL,
    capital TEXT NOT NULL,
    currency TEXT NOT NULL,
    original_amount BIGINT NOT NULL,
    rate DOUBLE PRECISION NOT NULL,
    yuan BIGINT NOT NULL,
    note TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL
);
CREATE INDEX lead_funds_month ON lead_funds (month);
CREATE INDEX lead_funds_lead ON lead_funds (lead_id);
