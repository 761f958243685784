-- Meetings of the project drive: the kind and its serial in the year, when and where, who chaired
-- and attended, the agenda (with what the previous meeting of the kind left open carried over)
-- and the minutes. Agenda and decisions are the meeting's own parts, written with it as JSON;
-- a decision that needs action points at the supervised item it became.

CREATE TABLE meetings (
    id {{ID}},
    kind_code TEXT NOT NULL,
    year INTEGER NOT NULL,
    serial INTEGER NOT NULL,
    title TEXT NOT NULL,
    held_on TEXT NOT NULL,
    place TEXT NOT NULL,
    chair TEXT NOT NULL,
    attendees TEXT NOT NULL,
    agenda_json TEXT NOT NULL,
    summary TEXT NOT NULL,
    decisions_json TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL,
    UNIQUE (kind_code, year, serial)
);
CREATE INDEX meetings_kind ON meetings (kind_code, held_on);
