-- Targets at the front of the chain (issue 19), set per unit and year on the targets page: the
-- rolling reserve by band (count and amount) and the new starts by a campaign target's day.
-- The city's figures fall back to reserve_rules.json and campaigns.json when none is set here.

CREATE TABLE groundwork_targets (
    unit_kind TEXT NOT NULL,
    unit_code TEXT NOT NULL,
    year INTEGER NOT NULL,
    measure TEXT NOT NULL,
    target_count BIGINT,
    target_amount_yuan BIGINT,
    updated_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (unit_kind, unit_code, year, measure)
);
