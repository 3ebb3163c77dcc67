/** Every operation of docs/api/openapi.yaml, each response validated against the contract. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { AddressInfo } from 'node:net';
import { openStream } from './streams.js';
import { assertContract, call, dbLabel, operations, testServer, type TestServer } from './helpers.js';

describe(`every operation of the contract (${dbLabel})`, () => {
  let server: TestServer;
  const covered = new Set<string>();
  const check = async (
    operationId: string,
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    path: string,
    options: Parameters<typeof call>[3] = {},
  ) => {
    const result = await call(server, method, path, options);
    assertContract(operationId, result);
    covered.add(operationId);
    return result;
  };

  before(async () => {
    server = await testServer();
  });
  after(() => server.close());

  it('people: me, lookup, search, suggestions', async () => {
    const me = await check('currentUser', 'GET', '/me');
    assert.equal(me.status, 200);
    assert.equal(me.body.id, server.seeded.communityManagerId);
    const lookup = await check('getPeople', 'POST', '/people/lookup', {
      body: { ids: [server.members[0], 'nobody', me.body.email] },
    });
    assert.equal(lookup.body.people[0].id, server.members[0]);
    assert.equal(lookup.body.people[1], null);
    assert.equal(lookup.body.people[2].id, me.body.id);
    const skill = me.body.skills[0]?.name ?? 'Python';
    const search = await check(
      'searchPeople',
      'GET',
      `/people/search?text=${encodeURIComponent(skill)}&limit=5`,
    );
    assert.ok(search.body.items.length > 0);
    assert.ok(search.body.items[0].evidence.length > 0);
    const suggest = await check(
      'suggestSkills',
      'GET',
      `/skills/suggest?text=${encodeURIComponent(skill.slice(0, 2))}`,
    );
    assert.ok(suggest.body.items.length > 0);
  });

  it('endorsements: endorse and withdraw', async () => {
    const [target] = server.members;
    const person = (await call(server, 'POST', '/people/lookup', { body: { ids: [target] } })).body.people[0];
    const skill = person.skills[0].name;
    const endorsed = await check(
      'endorseSkill',
      'PUT',
      `/people/${target}/skills/${encodeURIComponent(skill)}/endorsement`,
    );
    assert.equal(endorsed.status, 200);
    assert.equal(endorsed.body.endorsedByMe, true);
    const withdrawn = await check(
      'unendorseSkill',
      'DELETE',
      `/people/${target}/skills/${encodeURIComponent(skill)}/endorsement`,
    );
    assert.equal(withdrawn.body.endorsedByMe, false);
    assert.equal(withdrawn.body.endorsements, endorsed.body.endorsements - 1);
  });

  it('kudos: list, page, give, react, reactors, values', async () => {
    const values = await check('kudosValues', 'GET', '/kudos-values');
    const page = await check('listKudos', 'GET', '/kudos?limit=3');
    assert.equal(page.body.items.length, 3);
    const next = await check('listKudos', 'GET', `/kudos?limit=3&cursor=${page.body.next}`);
    assert.notEqual(next.body.items[0].id, page.body.items[0].id);
    const given = await check('giveKudos', 'POST', '/kudos', {
      body: { to: [server.members[1]], message: 'Thank you for the help!', value: values.body.items[0] },
    });
    assert.equal(given.status, 201);
    const newest = await call(server, 'GET', `/kudos?person=${server.members[1]}&limit=1`);
    assert.equal(newest.body.items[0].id, given.body.id);
    const reacted = await check('addReaction', 'PUT', `/kudos/${given.body.id}/reactions/celebrate`, {
      as: server.members[0],
    });
    assert.deepEqual(
      reacted.body.reactions.find((r: { type: string }) => r.type === 'celebrate'),
      {
        type: 'celebrate',
        count: 1,
        reactedByMe: true,
      },
    );
    const reactors = await check('listReactors', 'GET', `/kudos/${given.body.id}/reactions/celebrate`);
    assert.deepEqual(reactors.body.items, [server.members[0]]);
    const removed = await check('removeReaction', 'DELETE', `/kudos/${given.body.id}/reactions/celebrate`, {
      as: server.members[0],
    });
    assert.equal(removed.body.reactions.find((r: { type: string }) => r.type === 'celebrate').count, 0);
  });

  it('invites: send, list, quota, resend, revoke, links, respond, tree', async () => {
    const quota = await check('inviteQuota', 'GET', '/invites/quota');
    const sent = await check('sendInvite', 'POST', '/invites', {
      body: { email: 'new.colleague@kring-demo.nl', message: 'Join us' },
    });
    assert.equal(sent.status, 201);
    assert.equal(sent.body.status, 'pending');
    const after = await call(server, 'GET', '/invites/quota');
    assert.equal(after.body.used, quota.body.used + 1);
    const list = await check('listInvites', 'GET', '/invites?limit=50');
    assert.ok(list.body.items.some((invite: { id: string }) => invite.id === sent.body.id));
    const resent = await check('resendInvite', 'POST', `/invites/${sent.body.id}/resend`);
    assert.equal(resent.body.status, 'pending');
    const revoked = await check('revokeInvite', 'POST', `/invites/${sent.body.id}/revoke`);
    assert.equal(revoked.body.status, 'revoked');

    const link = await check('createInviteLink', 'POST', '/invite-links');
    assert.equal(link.status, 201);
    const info = await check('lookupInvite', 'POST', '/invite-links/lookup', {
      body: { token: link.body.token },
    });
    assert.equal(info.body.state, 'valid');
    const unknown = await check('lookupInvite', 'POST', '/invite-links/lookup', {
      body: { token: 'no-such-token' },
    });
    assert.equal(unknown.body.state, 'unknown');
    const joined = await check('respondToInvite', 'POST', '/invite-links/response', {
      as: server.nonMember,
      body: { token: link.body.token, accept: true },
    });
    assert.equal(joined.body.state, 'used');
    const tree = await check('inviteTree', 'GET', `/people/${server.seeded.communityManagerId}/invite-tree`);
    assert.ok(tree.body.children.some((node: { personId: string }) => node.personId === server.nonMember));
  });

  it('ambassadors: profile, roles, evidence, badges, award, revoke', async () => {
    const [member] = server.members;
    const profile = await check('ambassadorProfile', 'GET', `/people/${member}/ambassador`);
    assert.equal(profile.body.personId, member);
    const roles = await check('chooseAmbassadorRoles', 'PUT', '/me/ambassador/roles', {
      as: member,
      body: { roles: ['writer', 'presenter'] },
    });
    assert.deepEqual(roles.body.roles, ['presenter', 'writer']);
    const evidence = await check('recordEvidence', 'POST', '/ambassador/evidence', {
      as: member,
      body: {
        personId: member,
        role: 'writer',
        url: 'https://intranet.example/blog/1',
        description: 'A post',
      },
    });
    assert.ok(
      evidence.body.progress.find((p: { role: string }) => p.role === 'writer').criteria[0].current >= 1,
      JSON.stringify(evidence.body),
    );
    const awarded = await check('awardBadge', 'POST', '/badges', {
      body: { personId: member, role: 'connector', level: 'starter' },
    });
    assert.equal(awarded.status, 201);
    assert.equal(awarded.body.awardedBy, server.seeded.communityManagerId);
    const badges = await check('listBadges', 'GET', `/people/${member}/badges`);
    assert.ok(badges.body.items.some((badge: { id: string }) => badge.id === awarded.body.id));
    const revoked = await check('revokeBadge', 'POST', `/badges/${awarded.body.id}/revoke`);
    assert.ok(revoked.body.revokedAt);
  });

  it('activity, metrics and pioneers', async () => {
    const tracked = await call(server, 'POST', '/activity', {
      headers: { 'x-kring-request': '1' },
      body: {
        events: [
          { type: 'search', actorId: 'someone-else', at: new Date().toISOString(), subject: 'python' },
        ],
      },
    });
    assertContract('track', tracked);
    covered.add('track');
    assert.ok(tracked.status === 202 || tracked.status === 204);
    const rows = await server.db.query<{ actor_id: string }>(
      "SELECT actor_id FROM activity WHERE subject = 'python' ORDER BY seq DESC LIMIT 1",
    );
    assert.equal(
      rows[0].actor_id,
      server.seeded.communityManagerId,
      'the actor comes from the session, not the body',
    );
    // What a cross-site form or beacon can send: no X-Kring-Request, text/plain.
    const crossSite = await call(server, 'POST', '/activity', {
      key: null,
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ events: [{ type: 'element-seen', at: new Date().toISOString() }] }),
    });
    assertContract('track', crossSite);
    assert.equal(crossSite.status, 403);
    assert.equal(crossSite.body.code, 'activity.cross-site');
    const withoutKey = await call(server, 'POST', '/activity', {
      key: null,
      headers: { 'x-kring-request': '1' },
      body: { events: [{ type: 'element-seen', at: new Date().toISOString() }] },
    });
    assert.equal(withoutKey.status, 204, 'the Idempotency-Key of /activity is optional');
    const metrics = await check('metrics', 'GET', '/metrics?month=2026-05');
    assert.equal(metrics.body.month, '2026-05');
    const pioneers = await check('pioneers', 'GET', '/pioneers?limit=3');
    assert.ok(pioneers.body.items.length <= 3);
  });

  it('live updates: an event stream', async () => {
    await server.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = server.app.server.address() as AddressInfo;
    const stream = await openStream(`http://127.0.0.1:${port}`, server.members[0]);
    assert.equal(stream.status, 200);
    assert.match(String(stream.headers['content-type']), /^text\/event-stream/);
    const given = await call(server, 'POST', '/kudos', {
      body: { to: [server.members[1]], message: 'Live' },
    });
    const event = await stream.next((item) => item.event === 'kudos');
    assert.equal(event.data.kudos.id, given.body.id);
    stream.close();
    covered.add('streamEvents');
  });

  it('errors have the contract shape and no stack trace', async () => {
    const missing = await check('ambassadorProfile', 'GET', '/people/nobody/ambassador');
    assert.equal(missing.status, 404);
    assert.deepEqual(Object.keys(missing.body).sort(), ['code', 'message']);
    const bad = await check('metrics', 'GET', '/metrics?month=May');
    assert.equal(bad.status, 400);
    const noKey = await check('giveKudos', 'POST', '/kudos', {
      key: null,
      body: { to: [server.members[0]], message: 'Hi' },
    });
    assert.equal(noKey.status, 400);
    assert.ok(!JSON.stringify(noKey.body).includes('    at '));
  });

  it('covers every operation in the contract', () => {
    const missing = operations.map((operation) => operation.id).filter((id) => !covered.has(id));
    assert.deepEqual(missing, []);
    assert.ok(operations.length >= 30);
  });
});
