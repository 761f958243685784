-- Targets per unit (region, zone, department), year and indicator, with the 序时进度 curve.

CREATE TABLE unit_targets (
    unit_kind TEXT NOT NULL,
    unit_code TEXT NOT NULL,
    year BIGINT NOT NULL,
    indicator TEXT NOT NULL,
    value DOUBLE PRECISION NOT NULL,
    curve TEXT NOT NULL DEFAULT 'linear',
    updated_at TEXT NOT NULL,
    PRIMARY KEY (unit_kind, unit_code, year, indicator)
);
