/**
 * What the published figures of a month rest on (`MetricsTallies` of src/metrics), counted by the
 * database from the per-month roll-ups (migrations/003_metrics_rollup.sql) with GROUP BY, so /metrics
 * ships a few hundred numbers instead of every person, kudos and active person of two months. The
 * figures themselves (shares, changes, k ≥ 5 suppression) are made by `metricsFromTallies`, the same
 * definitions every backend uses; test/metrics-rollup.test.ts checks these counts give exactly the
 * figures `computeMetrics` gives over the raw rows.
 *
 * How people are counted matches src/metrics' `PeopleIndex`: a person is a directory row or an actor id;
 * an empty department is no department.
 */
import {
  ACTIVE_WITHIN_DAYS,
  emptyGrowthTallies,
  HISTORY_MONTHS,
  MIN_PEOPLE,
  monthStartMs,
  type FacetTally,
  type InviteTallies,
  kudosTallies,
  MetricsPeopleIndex,
  type KudosColumns,
  type KudosTallies,
  type MetricsTallies,
  type MonthParticipation,
} from '../../../src/metrics/index.js';
import { DAY_MS } from '../../../src/time.js';
import type { Tx } from './context.js';

const at = (ms: number) => new Date(ms);

/** Participation levels, person-days and management's part, for the month and the one before. */
async function participation(tx: Tx, month: number): Promise<MetricsTallies['participation']> {
  const rows = await tx.query<Omit<MonthParticipation, 'managementTeam'> & { month: number }>(
    `SELECT a.month, count(*)::int AS visitors,
            count(*) FILTER (WHERE a.level = 1)::int AS readers,
            count(*) FILTER (WHERE a.level = 2)::int AS contributors,
            count(*) FILTER (WHERE a.level = 3)::int AS creators,
            coalesce(sum(bit_count(a.days::bit(32))), 0)::int AS "personDays",
            (SELECT count(*)::int FROM people p JOIN activity_months m ON m.actor_id = p.id AND m.month = a.month
              WHERE p.is_management) AS "managementActive"
       FROM activity_months a WHERE a.month = $1 OR a.month = $2 GROUP BY a.month`,
    [month - 1, month],
  );
  // Management's share is about the whole team, active or not.
  const [{ team }] = await tx.query<{ team: number }>(
    'SELECT count(*)::int AS team FROM people WHERE is_management',
  );
  const of = (wanted: number): MonthParticipation => {
    const row = rows.find((candidate) => candidate.month === wanted);
    return {
      visitors: row?.visitors ?? 0,
      readers: row?.readers ?? 0,
      contributors: row?.contributors ?? 0,
      creators: row?.creators ?? 0,
      personDays: row?.personDays ?? 0,
      managementTeam: team,
      managementActive: row?.managementActive ?? 0,
    };
  };
  return { current: of(month), previous: of(month - 1) };
}

/** Members by the month they joined (before the history, per history month) and by day of the month. */
async function growth(tx: Tx, month: number): Promise<MetricsTallies['growth']> {
  const firstHistoryMonth = month - HISTORY_MONTHS + 1;
  const rows = await tx.query<{ month: number; day: number | null; joined: number; invited: number }>(
    `SELECT CASE WHEN joined_at IS NULL OR joined_at < $1 THEN -1 ELSE kring_month_of(joined_at) END AS month,
            CASE WHEN joined_at >= $2 THEN extract(day FROM joined_at AT TIME ZONE 'UTC')::int END AS day,
            count(*)::int AS joined, count(*) FILTER (WHERE invited_by <> '')::int AS invited
       FROM people WHERE is_member AND (joined_at IS NULL OR joined_at < $3)
      GROUP BY 1, 2`,
    [at(monthStartMs(firstHistoryMonth)), at(monthStartMs(month)), at(monthStartMs(month + 1))],
  );
  const tallies = emptyGrowthTallies(month);
  for (const row of rows) {
    const count = row.month < 0 ? tallies.before : tallies.months[row.month - firstHistoryMonth];
    count.joined += row.joined;
    count.invited += row.invited;
    if (row.day !== null) {
      tallies.days[row.day - 1].joined += row.joined;
      tallies.days[row.day - 1].invited += row.invited;
    }
  }
  return tallies;
}

/**
 * The month's invitations: sent, inviters, accepted, and accepted invitees active (other than accepting)
 * within ACTIVE_WITHIN_DAYS of accepting: an index look-up per accepted invitation (activity_actor_at),
 * plus the per-day summary of events past retention (src/privacy/retention.ts).
 */
async function invites(tx: Tx, month: number): Promise<InviteTallies> {
  const [row] = await tx.query<InviteTallies>(
    `WITH sent AS (
       SELECT i.inviter_id, i.status,
              -- The invitee: as recorded, else the person with the invited address.
              coalesce(i.invitee_id, (SELECT p.id FROM people p WHERE lower(p.email) = lower(i.email)),
                       'email:' || i.email) AS invitee_id,
              coalesce(i.responded_at, i.created_at) AS start_at
         FROM invites i WHERE i.created_at >= $1 AND i.created_at < $2
     ), accepted AS (
       SELECT invitee_id, start_at, start_at + $3 * interval '1 millisecond' AS end_at FROM sent
        WHERE status = 'accepted'
     ), active AS (
       SELECT DISTINCT w.invitee_id FROM accepted w
        WHERE EXISTS (SELECT 1 FROM activity a
                       WHERE a.actor_id = w.invitee_id AND a.type <> 'invite-accepted'
                         AND a.at >= w.start_at AND a.at < w.end_at)
           OR EXISTS (SELECT 1 FROM activity_daily d
                       WHERE d.actor_id = w.invitee_id AND d.type <> 'invite-accepted'
                         AND ((d.first_at >= w.start_at AND d.first_at < w.end_at)
                           OR (d.last_at >= w.start_at AND d.last_at < w.end_at)))
     )
     SELECT (SELECT count(*)::int FROM sent) AS sent,
            (SELECT count(DISTINCT inviter_id)::int FROM sent) AS inviters,
            (SELECT count(*)::int FROM accepted) AS accepted,
            (SELECT count(*)::int FROM accepted WHERE invitee_id IN (SELECT invitee_id FROM active)) AS active`,
    [at(monthStartMs(month)), at(monthStartMs(month + 1)), ACTIVE_WITHIN_DAYS * DAY_MS],
  );
  return row;
}

/** The month's skill searches per term that rest on at least MIN_PEOPLE searchers. */
async function searches(tx: Tx, month: number): Promise<FacetTally[]> {
  return tx.query<FacetTally>(
    `SELECT term AS value, sum(searches)::int AS count, count(*)::int AS people
       FROM search_months WHERE month = $1 GROUP BY term HAVING count(*) >= $2`,
    [month, MIN_PEOPLE],
  );
}

/**
 * The kudos counts of the month and the one before. Distinct givers, receivers and returned pairs, and
 * the department matrix, need every kudos with the departments people are in now; counting those in SQL
 * (hashing text ids in several GROUP BYs) measured many times slower than handing two compact JSON
 * documents (ids with departments; kudos_months' rows) to src/metrics' `kudosTallies`.
 */
async function kudos(tx: Tx, month: number): Promise<KudosTallies> {
  const [[{ directory }], [{ rows }]] = await Promise.all([
    tx.query<{ directory: [string[], (string | null)[]] }>(
      `SELECT json_build_array(coalesce(array_agg(id), '{}'), coalesce(array_agg(department), '{}')) AS directory
         FROM people`,
    ),
    tx.query<{ rows: [string[], (string | null)[], number[], string[][]] }>(
      `SELECT json_build_array(coalesce(array_agg(from_id), '{}'), coalesce(array_agg(value), '{}'),
                coalesce(array_agg(month), '{}'), coalesce(json_agg(receivers), '[]')) AS rows
         FROM kudos_months WHERE month = $1 OR month = $2`,
      [month - 1, month],
    ),
  ]);
  const [ids, departments] = directory;
  const index = new MetricsPeopleIndex(
    ids.map((id, i) => ({
      id,
      name: '',
      department: departments[i] ?? undefined,
      isManagement: false,
      skills: [],
      links: [],
    })),
  );
  const [from, value, months, to] = rows;
  const receiverStart = new Int32Array(from.length + 1);
  let receiverCount = 0;
  for (let i = 0; i < from.length; i++) {
    receiverStart[i] = receiverCount;
    receiverCount += to[i].length;
  }
  receiverStart[from.length] = receiverCount;
  const columns: KudosColumns = {
    inMonth: new Uint8Array(from.length),
    from: new Int32Array(from.length),
    value,
    receiverStart,
    receivers: new Int32Array(receiverCount),
  };
  for (let i = 0; i < from.length; i++) {
    columns.from[i] = index.numberOf(from[i]);
    columns.inMonth[i] = months[i] === month ? 1 : 0;
    const list = to[i];
    const start = receiverStart[i];
    for (let r = 0; r < list.length; r++) columns.receivers[start + r] = index.numberOf(list[r]);
  }
  return kudosTallies(columns, index);
}

/**
 * Skill names as profiles spell them, with how many people list each (a person lists a name once:
 * skills_person_name), which give the top searched terms their name (`metricsFromTallies`).
 */
async function skillSpellings(tx: Tx): Promise<[string, number][]> {
  const rows = await tx.query<{ name: string; holders: number }>(
    'SELECT name, count(*)::int AS holders FROM skills GROUP BY name',
  );
  const holders = new Map<string, number>();
  for (const row of rows) {
    const spelling = row.name.trim();
    if (spelling) holders.set(spelling, (holders.get(spelling) ?? 0) + row.holders);
  }
  return [...holders];
}

/** Every count the figures of `month` (a month index) rest on; the reads run side by side on the pool. */
export async function monthTallies(tx: Tx, month: number): Promise<MetricsTallies> {
  const [participationTallies, growthTallies, inviteTallies, searchTallies, kudosTallies] = await Promise.all(
    [
      participation(tx, month),
      growth(tx, month),
      invites(tx, month),
      // Spellings only matter when some term will be shown.
      searches(tx, month).then(async (terms) => ({
        terms,
        spellings: terms.length ? await skillSpellings(tx) : [],
      })),
      kudos(tx, month),
    ],
  );
  return {
    participation: participationTallies,
    growth: growthTallies,
    invites: inviteTallies,
    kudos: kudosTallies,
    searches: searchTallies.terms,
    skillSpellings: searchTallies.spellings,
  };
}
