-- Issue 15: retention. Raw activity events older than KRING_ACTIVITY_RETENTION_DAYS are rolled into one
-- row per day, person, type and subject (how many, the first and the last time) and deleted
-- (src/privacy/retention.ts). That is all the published metrics read: levels and active days per day,
-- search terms counted per event, and whether an invitee was active inside a 30-day window (the first
-- or the last event of a day inside it).
CREATE TABLE activity_daily (
  day date NOT NULL,
  actor_id text NOT NULL,
  type text NOT NULL,
  subject text NOT NULL DEFAULT '',
  events integer NOT NULL,
  first_at timestamptz NOT NULL,
  last_at timestamptz NOT NULL,
  PRIMARY KEY (day, actor_id, type, subject)
);
CREATE INDEX activity_daily_actor ON activity_daily (actor_id, day);

-- Every event as the metrics read it: the raw ones and the rolled-up ones (one row per rolled event:
-- the last at last_at, the others at first_at).
CREATE VIEW activity_events AS
  SELECT type, actor_id, at, subject FROM activity
  UNION ALL
  SELECT d.type, d.actor_id, CASE WHEN n = d.events THEN d.last_at ELSE d.first_at END AS at,
         NULLIF(d.subject, '') AS subject
    FROM activity_daily d CROSS JOIN LATERAL generate_series(1, d.events) AS n;
