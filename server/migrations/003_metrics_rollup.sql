-- Per-person, per-month roll-ups of the activity events, so /metrics reads one row per active person
-- and month instead of every event (src/domain/activity.ts keeps them up to date in the same transaction
-- as each write; the statements at the end fill them from the events already stored).
-- month = year * 12 + (month - 1), UTC, as src/metrics/time.ts numbers months.

-- The highest participation level reached (src/metrics ACTIVITY_LEVEL) and the active days:
-- bit d set when active on day d + 1 of the month.
CREATE TABLE activity_months (
  month integer NOT NULL,
  actor_id text NOT NULL,
  level smallint NOT NULL,
  days integer NOT NULL,
  PRIMARY KEY (month, actor_id)
);

-- Skill searches per month, term (trimmed, lower case) and searcher: "top skills searched".
CREATE TABLE search_months (
  month integer NOT NULL,
  term text NOT NULL,
  actor_id text NOT NULL,
  searches integer NOT NULL,
  PRIMARY KEY (month, term, actor_id)
);

-- The kudos of each month as the kudos figures read them (giver, value, receivers), so a month's
-- kudos are one range of rows with no join. Follows the kudos when one is deleted.
CREATE TABLE kudos_months (
  month integer NOT NULL,
  kudos_seq bigint NOT NULL REFERENCES kudos (seq) ON DELETE CASCADE,
  from_id text NOT NULL,
  value text,
  receivers text[] NOT NULL,
  PRIMARY KEY (month, kudos_seq)
);
CREATE INDEX kudos_months_seq ON kudos_months (kudos_seq);

-- A time's month number, UTC.
CREATE OR REPLACE FUNCTION kring_month_of(at timestamptz) RETURNS integer LANGUAGE sql IMMUTABLE AS $$
  SELECT extract(year FROM at AT TIME ZONE 'UTC')::int * 12 + extract(month FROM at AT TIME ZONE 'UTC')::int - 1
$$;

-- ACTIVITY_LEVEL of src/metrics/activity-scan.ts, for the backfill below (a test checks they agree).
CREATE OR REPLACE FUNCTION kring_activity_level(type text) RETURNS smallint LANGUAGE sql IMMUTABLE AS $$
  SELECT (CASE type
    WHEN 'element-seen' THEN 1 WHEN 'profile-opened' THEN 1 WHEN 'search' THEN 1
    WHEN 'invite-accepted' THEN 1 WHEN 'ambassador-role-chosen' THEN 1
    WHEN 'reaction' THEN 2 WHEN 'endorsement' THEN 2
    WHEN 'kudos-given' THEN 3 WHEN 'invite-sent' THEN 3 WHEN 'post' THEN 3
    ELSE 0 END)::smallint
$$;

-- A search term as the metrics count it: JavaScript's trim() (every Unicode space and line end), lower case.
CREATE OR REPLACE FUNCTION kring_search_term(subject text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT lower(btrim(subject, E' \t\n\r\u000b\u000c\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff'))
$$;

INSERT INTO activity_months (month, actor_id, level, days)
SELECT kring_month_of(at), actor_id, max(kring_activity_level(type)),
       bit_or(1 << (extract(day FROM at AT TIME ZONE 'UTC')::int - 1))
  FROM activity WHERE kring_activity_level(type) > 0
 GROUP BY 1, 2;

INSERT INTO search_months (month, term, actor_id, searches)
SELECT kring_month_of(at), kring_search_term(subject), actor_id, count(*)
  FROM activity WHERE type = 'search' AND subject IS NOT NULL AND kring_search_term(subject) <> ''
 GROUP BY 1, 2, 3;

INSERT INTO kudos_months (month, kudos_seq, from_id, value, receivers)
SELECT kring_month_of(k.created_at), k.seq, k.from_id, k.value,
       coalesce((SELECT array_agg(r.person_id ORDER BY r.position) FROM kudos_receivers r WHERE r.kudos_seq = k.seq), '{}')
  FROM kudos k;

-- Search (src/domain/search.ts) ranks from an index in each server's memory. Every transaction that changes
-- what it ranks on bumps this counter once, as it commits (a deferred trigger: the counter and the change
-- become visible together, and the counter's row lock is taken last, so it cannot deadlock with the rows a
-- write locks). Any instance sees at its next search that its index is out of date, whoever made the
-- change: another instance, `kring-server import`, SQL by hand.
CREATE TABLE IF NOT EXISTS kring_generations (
  name text PRIMARY KEY,
  value bigint NOT NULL
);
INSERT INTO kring_generations (name, value) VALUES ('search', 0) ON CONFLICT DO NOTHING;

CREATE OR REPLACE FUNCTION kring_search_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('kring.search_changed', true) IS DISTINCT FROM txid_current()::text THEN
    PERFORM set_config('kring.search_changed', txid_current()::text, true);
    UPDATE kring_generations SET value = value + 1 WHERE name = 'search';
  END IF;
  RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS people_search_changed ON people;
CREATE CONSTRAINT TRIGGER people_search_changed AFTER INSERT OR UPDATE OR DELETE ON people
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION kring_search_changed();
DROP TRIGGER IF EXISTS skills_search_changed ON skills;
CREATE CONSTRAINT TRIGGER skills_search_changed AFTER INSERT OR UPDATE OR DELETE ON skills
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION kring_search_changed();
DROP TRIGGER IF EXISTS endorsements_search_changed ON endorsements;
CREATE CONSTRAINT TRIGGER endorsements_search_changed AFTER INSERT OR UPDATE OR DELETE ON endorsements
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION kring_search_changed();
DROP TRIGGER IF EXISTS kudos_search_changed ON kudos;
CREATE CONSTRAINT TRIGGER kudos_search_changed AFTER INSERT OR UPDATE OR DELETE ON kudos
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION kring_search_changed();
DROP TRIGGER IF EXISTS kudos_receivers_search_changed ON kudos_receivers;
CREATE CONSTRAINT TRIGGER kudos_receivers_search_changed AFTER INSERT OR UPDATE OR DELETE ON kudos_receivers
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION kring_search_changed();
