/**
 * /metrics reads per-person, per-month roll-ups (migrations/003_metrics_rollup.sql) kept up to date by
 * every write. Here the figures from the roll-ups are compared with `computeMetrics` over every raw event,
 * kudos, person and invitation in the same database, after writes through the API, and so are the
 * counts under them (`monthTallies`, counted by the database, against src/metrics' `talliesOf`); the
 * migration's backfill must rebuild exactly the rows the writes kept.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ACTIVITY_TYPES, type ActivityType, type Person } from '../../src/model.js';
import {
  ACTIVITY_LEVEL,
  computeMetrics,
  MIN_PEOPLE,
  monthIndexOf,
  talliesOf,
  type MetricsInput,
  type MetricsTallies,
} from '../../src/metrics/index.js';
import { monthTallies } from '../src/domain/metrics-tallies.js';
import { migrate } from '../src/store/migrate.js';
import { call, dbLabel, FIXED_NOW, testServer, type TestServer } from './helpers.js';

const MONTHS = ['2026-01', '2026-03', '2026-05', '2026-06'];

/** Everything the published definitions read, straight from the base tables (no roll-up). */
async function fromScratch(server: TestServer): Promise<MetricsInput> {
  const people = await server.db.query<{
    id: string;
    email: string | null;
    department: string | null;
    is_management: boolean;
    is_member: boolean;
    joined_at: Date | null;
    invited_by: string | null;
  }>('SELECT id, email, department, is_management, is_member, joined_at, invited_by FROM people ORDER BY id');
  const skills = await server.db.query<{ person_id: string; name: string }>(
    'SELECT person_id, name FROM skills ORDER BY person_id, position',
  );
  const events = await server.db.query<{
    type: ActivityType;
    actor_id: string;
    at: Date;
    subject: string | null;
  }>('SELECT type, actor_id, at, subject FROM activity ORDER BY seq');
  const kudos = await server.db.query<{
    id: string;
    from_id: string;
    value: string | null;
    created_at: Date;
    to: string[] | null;
  }>(
    `SELECT k.id, k.from_id, k.value, k.created_at,
            (SELECT array_agg(r.person_id ORDER BY r.position) FROM kudos_receivers r WHERE r.kudos_seq = k.seq) AS to
       FROM kudos k ORDER BY k.seq`,
  );
  const invites = await server.db.query<{
    id: string;
    inviter_id: string;
    email: string;
    invitee_id: string | null;
    status: 'pending' | 'accepted' | 'declined' | 'expired' | 'revoked';
    created_at: Date;
    expires_at: Date;
    responded_at: Date | null;
  }>('SELECT id, inviter_id, email, invitee_id, status, created_at, expires_at, responded_at FROM invites');
  return {
    people: people.map(
      (row): Person => ({
        id: row.id,
        name: '',
        email: row.email ?? undefined,
        department: row.department ?? undefined,
        isManagement: row.is_management,
        isMember: row.is_member,
        joinedAt: row.joined_at?.toISOString(),
        invitedBy: row.invited_by ?? undefined,
        skills: skills
          .filter((skill) => skill.person_id === row.id)
          .map((skill) => ({
            name: skill.name,
            level: 'practitioner',
            tags: [],
            endorsements: 0,
            endorsedByMe: false,
          })),
        links: [],
      }),
    ),
    events: events.map((row) => ({
      type: row.type,
      actorId: row.actor_id,
      at: row.at.toISOString(),
      subject: row.subject ?? undefined,
    })),
    kudos: kudos.map((row) => ({
      id: row.id,
      from: row.from_id,
      to: row.to ?? [],
      value: row.value ?? undefined,
      message: '',
      createdAt: row.created_at.toISOString(),
      reactions: [],
    })),
    invites: invites.map((row) => ({
      id: row.id,
      inviterId: row.inviter_id,
      email: row.email,
      inviteeId: row.invitee_id ?? undefined,
      status: row.status,
      createdAt: row.created_at.toISOString(),
      expiresAt: row.expires_at.toISOString(),
      respondedAt: row.responded_at?.toISOString(),
    })),
  };
}

/** Arrays whose order carries no meaning, sorted, so two tallies compare by content. */
function comparable(tallies: MetricsTallies): MetricsTallies {
  const byValue = (a: { value: string }, b: { value: string }) => (a.value < b.value ? -1 : 1);
  return {
    ...tallies,
    searches: [...tallies.searches].sort(byValue),
    // Read only to name the terms shown; the server skips them when there are none.
    skillSpellings: tallies.searches.length ? [...tallies.skillSpellings].sort() : [],
    kudos: {
      ...tallies.kudos,
      values: [...tallies.kudos.values].sort(byValue),
      cells: [...tallies.kudos.cells].sort((a, b) => a.giver - b.giver || a.receiver - b.receiver),
    },
  };
}

async function assertSameAsFromScratch(server: TestServer): Promise<void> {
  const input = await fromScratch(server);
  const seen = {
    accepted: 0,
    active: 0,
    management: 0,
    cells: 0,
    crossing: 0,
    joinedByDay: 0,
    searches: 0,
    named: 0,
  };
  for (const month of MONTHS) {
    // The figures, as a caller gets them, and the counts under them (before any is withheld).
    // memberHistory is not in the contract's response (the growth counts under it are compared below).
    const { memberHistory: _history, ...expected } = computeMetrics(input, month);
    const actual = await call(server, 'GET', `/metrics?month=${month}`);
    assert.equal(actual.status, 200);
    assert.deepEqual(actual.body, JSON.parse(JSON.stringify(expected)), month);
    const expectedTallies = talliesOf(input, month);
    // The server's searches are those on 5 or more people; the others never reach a figure.
    expectedTallies.searches = expectedTallies.searches.filter((tally) => tally.people >= MIN_PEOPLE);
    assert.deepEqual(
      comparable(await monthTallies(server.db, monthIndexOf(month))),
      comparable(expectedTallies),
      `${month} counts`,
    );
    seen.accepted += expectedTallies.invites.accepted;
    seen.active += expectedTallies.invites.active;
    seen.management += expectedTallies.participation.current.managementActive;
    seen.cells += expectedTallies.kudos.cells.length;
    seen.crossing += expectedTallies.kudos.current.crossDepartment;
    seen.joinedByDay += expectedTallies.growth.days.filter((day) => day.joined > 0).length;
    seen.searches += expectedTallies.searches.length;
    // Searched in lower case, shown as profiles spell the skill.
    seen.named += expected.topSkills.filter((skill) => skill.value !== skill.value.toLowerCase()).length;
  }
  // Not a comparison of zeros: every kind of count occurs in the months compared.
  for (const [count, value] of Object.entries(seen)) assert.ok(value > 0, count);
}

const ROLLUPS = {
  activity_months: 'SELECT month, actor_id, level, days FROM activity_months ORDER BY month, actor_id',
  search_months: 'SELECT month, term, actor_id, searches FROM search_months ORDER BY month, term, actor_id',
  kudos_months:
    'SELECT month, kudos_seq, from_id, value, receivers FROM kudos_months ORDER BY month, kudos_seq',
};

describe(`metrics from the roll-ups (${dbLabel})`, () => {
  let server: TestServer;
  before(async () => {
    server = await testServer({ size: 60, now: () => FIXED_NOW });
    const [giver, receiver] = server.members;
    // Writes through the API: searches spelled with spaces and capitals, a new level, a kudos.
    const track = await call(server, 'POST', '/activity', {
      as: giver,
      key: null,
      headers: { 'x-kring-request': '1' },
      body: {
        events: [
          { type: 'search', at: '2026-06-14T09:00:00Z', subject: '  Power BI\t' },
          { type: 'search', at: '2026-06-14T09:01:00Z', subject: 'power bi' },
          { type: 'search', at: '2026-06-13T23:59:59Z', subject: '\u00a0UX/UI\u2003' },
          { type: 'post', at: '2026-06-12T08:00:00Z' },
          { type: 'profile-opened', at: '2026-06-15T11:00:00Z' },
        ],
      },
    });
    assert.equal(track.status, 204);
    const kudos = await call(server, 'POST', '/kudos', {
      as: giver,
      body: { to: [receiver], message: 'Thanks for the review' },
    });
    assert.equal(kudos.status, 201);
  });
  after(() => server.close());

  it('equal the figures computed from every raw event, kudos and invitation', async () => {
    const june = await call(server, 'GET', '/metrics?month=2026-06');
    // Not a comparison of empty months: the seeded company is active and gives kudos.
    assert.ok((june.body.visitors.value ?? 0) > 5, 'visitors in June');
    assert.ok((june.body.kudosGiven.value ?? 0) > 5, 'kudos in June');
    await assertSameAsFromScratch(server);
  });

  it('the migration backfill rebuilds exactly the roll-ups the writes kept', async () => {
    const kept = Object.fromEntries(
      await Promise.all(
        Object.entries(ROLLUPS).map(async ([table, sql]) => [table, await server.db.query(sql)]),
      ),
    );
    assert.ok(
      kept.activity_months.length > 100 && kept.search_months.length > 10 && kept.kudos_months.length > 50,
    );
    await server.db.exec(
      `DROP TABLE activity_months, search_months, kudos_months;
       DELETE FROM kring_migrations WHERE name LIKE '003\\_%'`,
    );
    const applied = await migrate(server.db);
    assert.ok(
      applied.some((name) => name.startsWith('003_')),
      applied.join(),
    );
    for (const [table, sql] of Object.entries(ROLLUPS))
      assert.deepEqual(await server.db.query(sql), kept[table], table);
    await assertSameAsFromScratch(server);
  });

  it("the database's level and search-term rules are src/metrics' own", async () => {
    for (const type of ACTIVITY_TYPES) {
      const [{ level }] = await server.db.query<{ level: number }>(
        'SELECT kring_activity_level($1) AS level',
        [type],
      );
      assert.equal(level, ACTIVITY_LEVEL[type], type);
    }
    const subjects = [' Power BI ', '\tSQL\n', '\u00a0UX/UI\u3000', '\ufeffgo\u2028', 'MiXeD case', '   '];
    for (const subject of subjects) {
      const [{ term }] = await server.db.query<{ term: string }>('SELECT kring_search_term($1) AS term', [
        subject,
      ]);
      assert.equal(term, subject.trim().toLowerCase(), JSON.stringify(subject));
    }
  });
});
