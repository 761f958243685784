-- Bulletins (通报, issue 16): drafted from the month's figures, edited by the centre, issued with
-- a number (第N期 within the kind and year) and frozen. The sections (headings, paragraphs and the
-- tables as printed) are kept as JSON so an issued bulletin never recomputes.

CREATE TABLE bulletins (
    id {{ID}},
    kind TEXT NOT NULL,
    month TEXT NOT NULL,
    title TEXT NOT NULL,
    sections_json TEXT NOT NULL,
    status TEXT NOT NULL,
    serial_year BIGINT,
    serial BIGINT,
    number TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    issued_by TEXT NOT NULL,
    issued_on TEXT,
    version BIGINT NOT NULL
);

CREATE UNIQUE INDEX bulletins_number ON bulletins (kind, serial_year, serial);
CREATE INDEX bulletins_month ON bulletins (month);
