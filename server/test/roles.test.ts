/**
 * The community figures and the pioneers list are for the people the manager page is for: /metrics for
 * community managers and management (aggregates only), /pioneers (which names people) for community
 * managers only. Anyone else gets 403 in the contract's error shape, whatever the page shows.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertContract, call, dbLabel, testServer, type TestServer } from './helpers.js';

describe(`who may read metrics and pioneers (${dbLabel})`, () => {
  let server: TestServer;
  let management: string;
  before(async () => {
    server = await testServer({ size: 60 });
    [{ id: management }] = await server.db.query<{ id: string }>(
      'SELECT id FROM people WHERE is_management AND NOT is_community_manager ORDER BY id LIMIT 1',
    );
  });
  after(() => server.close());

  it('an ordinary member gets 403 for both', async () => {
    const [member] = server.members;
    const metrics = await call(server, 'GET', '/metrics?month=2026-05', { as: member });
    assert.equal(metrics.status, 403);
    assert.equal(metrics.body.code, 'metrics.forbidden');
    assertContract('metrics', metrics);
    const pioneers = await call(server, 'GET', '/pioneers?limit=3', { as: member });
    assert.equal(pioneers.status, 403);
    assert.equal(pioneers.body.code, 'pioneers.forbidden');
    assertContract('pioneers', pioneers);
  });

  it('management reads the figures but not the names of pioneers', async () => {
    const metrics = await call(server, 'GET', '/metrics?month=2026-05', { as: management });
    assert.equal(metrics.status, 200);
    assertContract('metrics', metrics);
    const pioneers = await call(server, 'GET', '/pioneers?limit=3', { as: management });
    assert.equal(pioneers.status, 403);
    assertContract('pioneers', pioneers);
  });

  it('the community manager reads both', async () => {
    const manager = server.seeded.communityManagerId;
    const metrics = await call(server, 'GET', '/metrics?month=2026-05', { as: manager });
    assert.equal(metrics.status, 200);
    const pioneers = await call(server, 'GET', '/pioneers?limit=3', { as: manager });
    assert.equal(pioneers.status, 200);
    assertContract('pioneers', pioneers);
    assert.ok(pioneers.body.items.length > 0);
  });
});
