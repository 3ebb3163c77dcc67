-- Issue 15: retention. Raw activity events older than KRING_ACTIVITY_RETENTION_DAYS are rolled into one
-- row per day, person, type and subject (how many, the first and the last time) and deleted
-- (src/privacy/retention.ts). Levels, active days and searches are in the monthly roll-ups already
-- (003); what /metrics still reads from events is whether an invitee was active inside a 30-day window,
-- and a day's first or last event inside it answers that (src/domain/activity.ts activeInWindows).
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
