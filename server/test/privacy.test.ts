/**
 * Privacy requests and retention: export of one person, erasure that keeps aggregates and others'
 * kudos (sender anonymised), and rolling raw activity into daily aggregates with the published
 * metrics unchanged, for every month, including the edge of an invitee's 30-day window.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { erasePerson, ERASED_NAME, exportPerson } from '../src/privacy/person.js';
import { retentionCutoff, rollUpActivity } from '../src/privacy/retention.js';
import { readAudit } from '../src/ops/audit.js';
import { call, dbLabel, FIXED_NOW, testServer, type TestServer } from './helpers.js';

const MONTHS = ['2025-10', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];

async function allMetrics(server: TestServer) {
  const result: Record<string, unknown> = {};
  for (const month of MONTHS) {
    const response = await call(server, 'GET', `/metrics?month=${month}`);
    assert.equal(response.status, 200, JSON.stringify(response.body));
    result[month] = response.body;
  }
  return result;
}

describe(`privacy requests and retention (${dbLabel})`, () => {
  let server: TestServer;
  before(async () => {
    server = await testServer({ size: 80 });
    // October 2025, before the demo's history: ten colleagues accept an invitation (from ten members) on
    // 10 October at 10:00. Each looked at a profile at 09:00 that day (before accepting: not inside the
    // 30-day window); five also at 23:00 (inside). A daily roll-up must keep the two apart.
    const invitees = (
      await server.db.query<{ id: string }>('SELECT id FROM people WHERE NOT is_member ORDER BY id LIMIT 10')
    ).map((row) => row.id);
    const inviters = (
      await server.db.query<{ id: string }>('SELECT id FROM people WHERE is_member ORDER BY id LIMIT 10')
    ).map((row) => row.id);
    assert.equal(invitees.length, 10);
    assert.equal(inviters.length, 10);
    for (const [n, invitee] of invitees.entries()) {
      await server.db.query(
        `INSERT INTO invites (id, inviter_id, email, invitee_id, status, created_at, expires_at, responded_at, token)
         VALUES ($1, $2, $3, $4, 'accepted', '2025-10-09T08:00:00Z', '2025-10-23T08:00:00Z', '2025-10-10T10:00:00Z', $5)`,
        [`i-window-${n}`, inviters[n], `window${n}@intranet.example`, invitee, `window-token-${n}`],
      );
      const times = n < 5 ? ['2025-10-10T09:00:00Z', '2025-10-10T23:00:00Z'] : ['2025-10-10T09:00:00Z'];
      for (const at of times)
        await server.db.query(
          `INSERT INTO activity (type, actor_id, at, subject) VALUES ('profile-opened', $1, $2, NULL)`,
          [invitee, at],
        );
    }
  });
  after(() => server.close());

  test('retention rolls raw events into daily aggregates and the metrics stay the same', async () => {
    const before = await allMetrics(server);
    const funnel = (metrics: Record<string, any>) => metrics['2025-10'].inviteFunnel;
    assert.deepEqual(funnel(before), { sent: 10, accepted: 10, activeWithin30Days: 5 });
    const [{ raw }] = await server.db.query<{ raw: number }>('SELECT count(*)::int AS raw FROM activity');
    // Everything before 1 June (FIXED_NOW is 15 June) is rolled up.
    const cutoff = retentionCutoff(FIXED_NOW, 14);
    const activity = await server.db.query('SELECT 1 FROM activity WHERE at < $1', [cutoff]);
    assert.ok(activity.length > 0);
    assert.equal(cutoff.toISOString(), '2026-06-01T00:00:00.000Z');
    const moved = await rollUpActivity(server.db, cutoff);
    assert.ok(moved > 100, `rolled ${moved} of ${raw}`);
    const [{ left }] = await server.db.query<{ left: number }>(
      'SELECT count(*)::int AS left FROM activity WHERE at < $1',
      [cutoff],
    );
    assert.equal(left, 0);
    const [{ days }] = await server.db.query<{ days: number }>(
      'SELECT count(*)::int AS days FROM activity_daily',
    );
    assert.ok(days > 0 && days < moved, `${days} daily rows for ${moved} events`);
    assert.deepEqual(await allMetrics(server), before);
    // Those active later on the day of accepting still are; those active only before still are not.
    assert.equal(funnel(await allMetrics(server)).activeWithin30Days, 5);
    // A second run finds nothing more and changes nothing.
    assert.equal(await rollUpActivity(server.db, cutoff), 0);
    // And rolling up everything, June included, too.
    await rollUpActivity(server.db, new Date('2026-07-01T00:00:00Z'));
    assert.deepEqual(await allMetrics(server), before);
    const [entry] = await readAudit(server.db, { action: 'activity.roll-up' });
    assert.ok(entry && (entry.details as { events: number }).events > 0);
  });

  test('export-person: everything about one person, audited', async () => {
    const [member] = server.members;
    const given = await call(server, 'POST', '/kudos', {
      as: member,
      body: { to: [server.members[1]], message: 'Voor de export' },
    });
    assert.equal(given.status, 201, JSON.stringify(given.body));
    const data = (await exportPerson(server.db, member, 'cli:test')) as Record<string, any>;
    assert.equal(data.person.id, member);
    assert.ok(data.kudosGiven.some((kudos: any) => kudos.message === 'Voor de export'));
    for (const key of [
      'skills',
      'kudosReceived',
      'reactions',
      'invitesSent',
      'invitesReceived',
      'badges',
      'activity',
    ])
      assert.ok(Array.isArray(data[key]), key);
    // JSON-serialisable as the CLI writes it.
    assert.doesNotThrow(() => JSON.stringify(data));
    const [entry] = await readAudit(server.db, { action: 'person.export' });
    assert.equal(entry.subject, member);
    assert.equal(entry.actor, 'cli:test');
    await assert.rejects(() => exportPerson(server.db, 'nobody-at-all', 'cli:test'), /no person/);
  });

  test('erase-person: personal data goes, aggregates and kudos stay with the sender anonymised', async () => {
    const [, receiver] = server.members;
    // Someone who gave and received kudos and has an e-mail address.
    const [{ id: person, email }] = await server.db.query<{ id: string; email: string }>(
      `SELECT p.id, p.email FROM people p WHERE p.email IS NOT NULL AND p.id <> $1
          AND EXISTS (SELECT 1 FROM kudos k WHERE k.from_id = p.id)
          AND EXISTS (SELECT 1 FROM kudos_receivers r WHERE r.person_id = p.id)
        ORDER BY p.id LIMIT 1`,
      [receiver],
    );
    const given = await call(server, 'POST', '/kudos', {
      as: person,
      body: { to: [receiver], message: 'Bedankt voor alles' },
    });
    assert.equal(given.status, 201, JSON.stringify(given.body));
    const metricsBefore = await allMetrics(server);
    const [{ kudos: kudosBefore }] = await server.db.query<{ kudos: number }>(
      'SELECT count(*)::int AS kudos FROM kudos',
    );

    const { anonymousId } = await erasePerson(server.db, person, 'cli:test');

    // Nothing left under the old id or the e-mail address.
    assert.equal(
      (await call(server, 'POST', '/people/lookup', { body: { ids: [person, email] } })).body.people[0],
      null,
    );
    for (const [table, column] of [
      ['people', 'id'],
      ['people', 'email'],
      ['invites', 'email'],
      ['kudos', 'from_id'],
      ['activity', 'actor_id'],
      ['audit_log', 'subject'],
    ]) {
      const rows = await server.db.query(
        `SELECT 1 FROM ${table} WHERE lower(${column}::text) IN (lower($1), lower($2))`,
        [person, email],
      );
      assert.equal(rows.length, 0, `${table}.${column}`);
    }
    // The kudos they gave stays with the receiver, from a former colleague.
    const feed = await call(server, 'GET', `/kudos?person=${encodeURIComponent(receiver)}`);
    const kept = feed.body.items.find((item: any) => item.id === given.body.id);
    assert.equal(kept.message, 'Bedankt voor alles');
    assert.equal(kept.from, anonymousId);
    const sender = await call(server, 'POST', '/people/lookup', { body: { ids: [anonymousId] } });
    assert.equal(sender.body.people[0].name, ERASED_NAME);
    assert.equal(sender.body.people[0].email, undefined);
    assert.equal(sender.body.people[0].isMember, false);
    const [{ kudos: kudosAfter }] = await server.db.query<{ kudos: number }>(
      'SELECT count(*)::int AS kudos FROM kudos',
    );
    assert.equal(kudosAfter, kudosBefore);
    // The aggregates are the same.
    assert.deepEqual(await allMetrics(server), metricsBefore);
    // They cannot sign in, under either id.
    assert.equal((await call(server, 'GET', '/me', { as: person })).status, 401);
    assert.equal((await call(server, 'GET', '/me', { as: anonymousId })).status, 401);
    // Audited, naming the stand-in only.
    const [entry] = await readAudit(server.db, { action: 'person.erase' });
    assert.equal(entry.subject, anonymousId);
    assert.ok(!JSON.stringify(entry).includes(person));
  });
});
