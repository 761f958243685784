-- 招商活动 (issue 17): trips out, visits in, fairs, signing ceremonies, online meetings; the leader
-- who led one, whom it met, and the leads it brought or moved.

CREATE TABLE attraction_activities (
    id {{ID}},
    unit_kind TEXT NOT NULL,
    unit_code TEXT NOT NULL,
    kind TEXT NOT NULL,
    happened_on TEXT NOT NULL,
    title TEXT NOT NULL,
    leader_seat BIGINT,
    investors_met TEXT NOT NULL,
    note TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL
);
CREATE INDEX attraction_activities_day ON attraction_activities (happened_on);

CREATE TABLE attraction_activity_leads (
    activity_id BIGINT NOT NULL REFERENCES attraction_activities (id),
    lead_id BIGINT NOT NULL REFERENCES leads (id)
);
CREATE INDEX attraction_activity_leads_activity ON attraction_activity_leads (activity_id);
