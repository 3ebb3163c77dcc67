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
SELECT (extract(year FROM at AT TIME ZONE 'UTC')::int * 12 + extract(month FROM at AT TIME ZONE 'UTC')::int - 1),
       actor_id, max(kring_activity_level(type)),
       bit_or(1 << (extract(day FROM at AT TIME ZONE 'UTC')::int - 1))
  FROM activity WHERE kring_activity_level(type) > 0
 GROUP BY 1, 2;

INSERT INTO search_months (month, term, actor_id, searches)
SELECT (extract(year FROM at AT TIME ZONE 'UTC')::int * 12 + extract(month FROM at AT TIME ZONE 'UTC')::int - 1),
       kring_search_term(subject), actor_id, count(*)
  FROM activity WHERE type = 'search' AND subject IS NOT NULL AND kring_search_term(subject) <> ''
 GROUP BY 1, 2, 3;
