/**
 * Scale-out: two server instances on one PostgreSQL database behind a round-robin load balancer pass
 * the same checks as one — reads and writes through the balancer, one write for one Idempotency-Key
 * sent to both instances at once, and live updates from a write on one instance to a stream on the
 * other (and a resume on the first). Needs PostgreSQL (PGlite is one process's database).
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.js';
import { readConfig } from '../src/config.js';
import { seedDemo, type SeedResult } from '../src/seed.js';
import { openPostgres, type Db } from '../src/store/db.js';
import { migrate } from '../src/store/migrate.js';
import { createDatabase, startBalancer, type Balancer } from './cluster.js';
import { assertContract, FIXED_NOW, onPostgres, type CallResult } from './helpers.js';
import { openStream, type EventStream } from './streams.js';

interface Instance {
  app: FastifyInstance;
  db: Db;
  url: string;
}

describe(
  'two instances behind a load balancer (PostgreSQL)',
  { skip: !onPostgres && 'needs PostgreSQL' },
  () => {
    const instances: Instance[] = [];
    const streams: EventStream[] = [];
    let balancer: Balancer;
    let seeded: SeedResult;
    let people: string[];

    /** A request as `as` to `base` (the balancer unless said), with a fresh Idempotency-Key on writes. */
    async function http(
      method: 'GET' | 'POST' | 'PUT' | 'DELETE',
      path: string,
      options: { as?: string; body?: unknown; key?: string; base?: string } = {},
    ): Promise<CallResult> {
      const headers: Record<string, string> = { 'x-kring-dev-user': options.as ?? seeded.communityManagerId };
      if (method !== 'GET' && path !== '/people/lookup')
        headers['idempotency-key'] = options.key ?? randomUUID();
      if (options.body !== undefined) headers['content-type'] = 'application/json';
      const response = await fetch(`${options.base ?? balancer.url}/api/kring${path}`, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
      });
      const text = await response.text();
      const responseHeaders: Record<string, string> = {};
      response.headers.forEach((value, name) => (responseHeaders[name] = value));
      return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: responseHeaders };
    }

    before(async () => {
      const url = await createDatabase(process.env.DATABASE_URL!);
      const setup = await openPostgres(url);
      await migrate(setup);
      seeded = (await seedDemo(setup, { size: 60, now: FIXED_NOW }))!;
      people = (await setup.query<{ id: string }>('SELECT id FROM people ORDER BY id')).map((row) => row.id);
      await setup.close();
      const config = readConfig({}, ['--dev']);
      for (let index = 0; index < 2; index++) {
        // Each instance has its own pool and, like a separate process, shares nothing but the database.
        const db = await openPostgres(url);
        await migrate(db);
        const app = await buildApp({
          db,
          domain: config.domain,
          prefix: '/api/kring',
          corsOrigins: [],
          rateLimitPerMinute: 10_000,
          bodyLimit: 262_144,
          auth: { ...config.auth, dev: { defaultUserId: seeded.communityManagerId } },
        });
        await app.listen({ host: '127.0.0.1', port: 0 });
        instances.push({ app, db, url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` });
      }
      balancer = await startBalancer(instances.map((instance) => instance.url));
    });

    after(async () => {
      for (const stream of streams) stream.close();
      await balancer?.close();
      for (const instance of instances) {
        await instance.app.close();
        await instance.db.close();
      }
    });

    it('reads and writes through the balancer, answered by both instances', async () => {
      const [a, b] = people.slice(1, 3);
      const me = await http('GET', '/me', { as: a });
      assertContract('currentUser', me);
      assert.equal(me.body.id, a);
      const lookup = await http('POST', '/people/lookup', { body: { ids: [b] } });
      assertContract('getPeople', lookup);
      const given = await http('POST', '/kudos', {
        as: a,
        body: { to: [b], message: 'Through the balancer' },
      });
      assertContract('giveKudos', given);
      assert.equal(given.status, 201);
      // The next two reads go to different instances: both see the kudos at once.
      for (let turn = 0; turn < 2; turn++) {
        const page = await http('GET', '/kudos?limit=5', { as: b });
        assertContract('listKudos', page);
        assert.equal(page.body.items[0].id, given.body.id);
      }
      const reacted = await http('PUT', `/kudos/${given.body.id}/reactions/thanks`, { as: b });
      assertContract('addReaction', reacted);
      const reactors = await http('GET', `/kudos/${given.body.id}/reactions/thanks`);
      assert.deepEqual(reactors.body.items, [b]);
      const profile = await http('GET', `/people/${b}/ambassador`);
      assertContract('ambassadorProfile', profile);
      const badge = await http('POST', '/badges', {
        body: { personId: b, role: 'connector', level: 'starter' },
      });
      assertContract('awardBadge', badge);
      const badges = await http('GET', `/people/${b}/badges`);
      assert.ok(badges.body.items.some((item: { id: string }) => item.id === badge.body.id));
      const link = await http('POST', '/invite-links', { as: a });
      assertContract('createInviteLink', link);
      const looked = await http('POST', '/invite-links/lookup', { as: b, body: { token: link.body.token } });
      assertContract('lookupInvite', looked);
      assert.equal(looked.body.state, 'valid');
      assert.ok(
        balancer.counts.every((count) => count >= 4),
        `both answered: ${balancer.counts}`,
      );
    });

    it('one Idempotency-Key sent to both instances at once makes one write', async () => {
      const [a, b] = people.slice(3, 5);
      const key = randomUUID();
      const body = { to: [b], message: 'Sent twice, given once' };
      const answers = await Promise.all(
        instances.map((instance) => http('POST', '/kudos', { as: a, body, key, base: instance.url })),
      );
      assert.deepEqual(
        answers.map((answer) => answer.status),
        [201, 201],
      );
      assert.equal(answers[0].body.id, answers[1].body.id, 'the second answer is the stored first one');
      const written = await instances[0].db.query<{ count: number }>(
        "SELECT count(*)::int AS count FROM kudos WHERE message = 'Sent twice, given once'",
      );
      assert.equal(written[0].count, 1);
      const events = await instances[0].db.query<{ count: number }>(
        "SELECT count(*)::int AS count FROM live_events WHERE data->'kudos'->>'id' = $1",
        [answers[0].body.id],
      );
      assert.equal(events[0].count, 1, 'one live event too');
      const reused = await http('POST', '/kudos', {
        as: a,
        body: { ...body, message: 'Another text' },
        key,
        base: instances[1].url,
      });
      assert.equal(reused.status, 422);
    });

    it('a kudos written on one instance reaches a stream on the other within a second', async () => {
      const [a, b] = people.slice(5, 7);
      const onSecond = await openStream(instances[1].url, b);
      streams.push(onSecond);
      const started = Date.now();
      const given = await http('POST', '/kudos', {
        as: a,
        body: { to: [b], message: 'Across instances' },
        base: instances[0].url,
      });
      const event = await onSecond.next(
        (item) => item.event === 'kudos' && item.data.kudos.id === given.body.id,
        1_000,
      );
      assert.ok(Date.now() - started < 1_000);
      onSecond.close();

      // Missed while away, resumed on the other instance (and through the balancer).
      const missed = await http('POST', '/kudos', {
        as: b,
        body: { to: [a], message: 'While the stream was closed' },
        base: instances[1].url,
      });
      const resumed = await openStream(instances[0].url, b, { lastEventId: event.id });
      streams.push(resumed);
      const first = await resumed.next((item) => item.event === 'kudos');
      assert.equal(first.data.kudos.id, missed.body.id);
      const viaBalancer = await openStream(balancer.url, a, { lastEventId: event.id });
      streams.push(viaBalancer);
      assert.equal((await viaBalancer.next((item) => item.event === 'kudos')).data.kudos.id, missed.body.id);
    });
  },
);
