/**
 * Several instances on one database: search ranks from an index in each instance's memory, and a change
 * made elsewhere (another instance, `kring-server import`) must show in the very next search here, not a
 * minute later. The database's search generation (migrations/003) tells each instance its index is stale.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.js';
import { readConfig } from '../src/config.js';
import { importPeople } from '../src/directory.js';
import { call, dbLabel, testServer, type TestServer } from './helpers.js';

describe(`search across instances on one database (${dbLabel})`, () => {
  let first: TestServer;
  let second: TestServer;
  let secondApp: FastifyInstance;
  before(async () => {
    first = await testServer({ size: 60 });
    const config = readConfig({}, ['--dev']);
    secondApp = await buildApp({
      db: first.db,
      domain: config.domain,
      prefix: '/api/kring',
      corsOrigins: [],
      rateLimitPerMinute: 10_000,
      bodyLimit: 262_144,
      auth: { ...config.auth, dev: { defaultUserId: first.seeded.communityManagerId } },
    });
    second = { ...first, app: secondApp };
  });
  after(async () => {
    await secondApp.close();
    await first.close();
  });

  const found = async (server: TestServer, text: string) =>
    (await call(server, 'GET', `/people/search?text=${encodeURIComponent(text)}`)).body.items.map(
      (item: { person: { id: string } }) => item.person.id,
    );

  it('a person imported while both instances have an index is found at once by both', async () => {
    // Both instances build their index first.
    assert.deepEqual(await found(first, 'Zebediah'), []);
    assert.deepEqual(await found(second, 'Zebediah'), []);
    await importPeople(first.db, [
      {
        id: 'zq-1',
        name: 'Zebediah Quux',
        email: 'zebediah@example.com',
        department: 'Finance',
        isMember: true,
      },
    ]);
    assert.deepEqual(await found(second, 'Zebediah'), ['zq-1']);
    assert.deepEqual(await found(first, 'Zebediah'), ['zq-1']);
  });

  it('an endorsement and a kudos given on one instance show in the evidence on the other at once', async () => {
    const [giver] = first.members;
    const [{ person_id: personId, name: skill }] = await first.db.query<{ person_id: string; name: string }>(
      `SELECT s.person_id, s.name FROM skills s JOIN people p ON p.id = s.person_id
        WHERE p.is_member AND s.person_id <> $1 AND NOT EXISTS
              (SELECT 1 FROM endorsements e WHERE e.person_id = s.person_id AND e.endorser_id = $1)
        ORDER BY s.person_id, s.position LIMIT 1`,
      [giver],
    );
    const evidence = async () => {
      const result = await call(second, 'GET', `/people/search?skill=${encodeURIComponent(skill)}&limit=100`);
      const match = result.body.items.find((item: { person: { id: string } }) => item.person.id === personId);
      assert.ok(match, `${personId} is found by the skill ${skill}`);
      return match.evidence.find((item: { value: string }) => item.value === skill) as {
        endorsements?: number;
        recentKudos?: number;
      };
    };
    const before = await evidence();
    const endorsed = await call(
      first,
      'PUT',
      `/people/${encodeURIComponent(personId)}/skills/${encodeURIComponent(skill)}/endorsement`,
      { as: giver },
    );
    assert.equal(endorsed.status, 200);
    assert.equal((await evidence()).endorsements ?? 0, (before.endorsements ?? 0) + 1);
    const given = await call(first, 'POST', '/kudos', {
      as: giver,
      body: { to: [personId], message: `Thanks for your help with ${skill}` },
    });
    assert.equal(given.status, 201);
    assert.equal((await evidence()).recentKudos ?? 0, (before.recentKudos ?? 0) + 1);
  });
});
