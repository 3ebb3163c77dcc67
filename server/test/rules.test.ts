/**
 * Hand-made requests cannot bypass a rule the UI shows; idempotency under concurrent duplicates;
 * k ≥ 5 suppression; rate limits, body limits, CORS and security headers.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MESSAGE_MAX_LENGTH } from '../../src/kudos/message.js';
import { inviteDomains } from '../src/config.js';
import { assertContract, call, dbLabel, testServer, type TestServer } from './helpers.js';

describe(`rules hold on the server (${dbLabel})`, () => {
  let server: TestServer;
  let a: string;
  let b: string;
  before(async () => {
    server = await testServer();
    [a, b] = server.members;
  });
  after(() => server.close());

  const refused = async (result: Awaited<ReturnType<typeof call>>, status: number, code: string) => {
    assert.equal(result.status, status, JSON.stringify(result.body));
    assert.equal(result.body.code, code);
  };

  it('kudos: not to yourself, to known people, with a company value, within the daily limit', async () => {
    await refused(
      await call(server, 'POST', '/kudos', { as: a, body: { to: [a], message: 'Me!' } }),
      422,
      'kudos.self',
    );
    await refused(
      await call(server, 'POST', '/kudos', { as: a, body: { to: ['ghost'], message: 'Hi' } }),
      422,
      'kudos.unknown-person',
    );
    await refused(
      await call(server, 'POST', '/kudos', { as: a, body: { to: [b], message: 'Hi', value: 'Greed' } }),
      422,
      'kudos.value',
    );
    await refused(
      await call(server, 'POST', '/kudos', { as: a, body: { to: [b], message: '   ' } }),
      422,
      'kudos.message',
    );
    for (let i = 0; i < 3; i++)
      assert.equal(
        (await call(server, 'POST', '/kudos', { as: a, body: { to: [b], message: `Thanks ${i}` } })).status,
        201,
      );
    await refused(
      await call(server, 'POST', '/kudos', { as: a, body: { to: [b], message: 'Once more' } }),
      422,
      'kudos.daily-limit',
    );
  });

  it('kudos: a message as long as the composer allows is accepted, one character more is refused', async () => {
    const [c] = await server.db.query<{ id: string }>(
      'SELECT id FROM people WHERE id <> ALL($1) ORDER BY id LIMIT 1',
      [[a, b]],
    );
    const longest = 'x'.repeat(MESSAGE_MAX_LENGTH);
    const accepted = await call(server, 'POST', '/kudos', { as: a, body: { to: [c.id], message: longest } });
    assert.equal(accepted.status, 201, JSON.stringify(accepted.body));
    const tooLong = await call(server, 'POST', '/kudos', {
      as: a,
      body: { to: [c.id], message: `${longest}x` },
    });
    assert.equal(tooLong.status, 400, JSON.stringify(tooLong.body));
  });

  it('kudos: concurrent sends cannot slip past the daily limit', async () => {
    const c = (
      await server.db.query<{ id: string }>(
        'SELECT id FROM people WHERE id <> ALL($1) ORDER BY id DESC LIMIT 1',
        [[a, b]],
      )
    )[0].id;
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        call(server, 'POST', '/kudos', { as: b, body: { to: [c], message: `Parallel ${i}` } }),
      ),
    );
    assert.equal(results.filter((result) => result.status === 201).length, 3);
    assert.equal(results.filter((result) => result.body.code === 'kudos.daily-limit').length, 3);
  });

  it('endorsements: never your own skills, only listed skills, once per person per skill', async () => {
    const me = (await call(server, 'GET', '/me', { as: a })).body;
    const skill = encodeURIComponent(me.skills[0].name);
    await refused(
      await call(server, 'PUT', `/people/${a}/skills/${skill}/endorsement`, { as: a }),
      422,
      'endorsement.self',
    );
    await refused(
      await call(server, 'PUT', `/people/${a}/skills/Underwater%20basket%20weaving/endorsement`, { as: b }),
      404,
      'endorsement.unknown-skill',
    );
    const first = await call(server, 'PUT', `/people/${a}/skills/${skill}/endorsement`, { as: b });
    const again = await call(server, 'PUT', `/people/${a}/skills/${skill}/endorsement`, { as: b });
    assert.equal(again.body.endorsements, first.body.endorsements);
  });

  it('invites: members only, allowed e-mail, no duplicates, within the monthly quota', async () => {
    await refused(
      await call(server, 'POST', '/invites', { as: server.nonMember, body: { email: 'x@kring-demo.nl' } }),
      403,
      'invite.not-member',
    );
    await refused(
      await call(server, 'POST', '/invites', { as: a, body: { email: 'x@kring-demo.nl' }, headers: {} }).then(
        async (first) => {
          assert.equal(first.status, 201);
          return call(server, 'POST', '/invites', { as: a, body: { email: 'x@kring-demo.nl' } });
        },
      ),
      409,
      'invite.duplicate',
    );
    const quota = (await call(server, 'GET', '/invites/quota', { as: a })).body;
    for (let i = 0; i < quota.remaining; i++)
      assert.equal(
        (await call(server, 'POST', '/invites', { as: a, body: { email: `q${i}@kring-demo.nl` } })).status,
        201,
      );
    await refused(
      await call(server, 'POST', '/invites', { as: a, body: { email: 'one-too-many@kring-demo.nl' } }),
      422,
      'invite.quota',
    );
  });

  it("invites: only to the inviter's own mail domain by default, as <kring-invite> assumes", async () => {
    // A hand-made request, past the element that would have refused it.
    const outside = await call(server, 'POST', '/invites', { as: b, body: { email: 'friend@gmail.com' } });
    await refused(outside, 422, 'invite.domain');
    assertContract('sendInvite', outside);
    assert.match(outside.body.message, /kring-demo\.nl/);
    await refused(
      await call(server, 'POST', '/invites', { as: b, body: { email: 'x@notkring-demo.nl' } }),
      422,
      'invite.domain',
    );
    const subdomain = await call(server, 'POST', '/invites', {
      as: b,
      body: { email: 'x@mail.kring-demo.nl' },
    });
    assert.equal(subdomain.status, 201, JSON.stringify(subdomain.body));
    // KRING_INVITE_DOMAINS reads as the element's allowed-domains: unset = own domain, * = any.
    assert.equal(inviteDomains(undefined), 'own');
    assert.equal(inviteDomains(' '), 'own');
    assert.equal(inviteDomains('*'), 'any');
    assert.deepEqual(inviteDomains('@Acme.nl, acme.be'), ['acme.nl', 'acme.be']);
  });

  it('invites: only the sender changes an invitation; only the addressee answers it', async () => {
    const list = (await call(server, 'GET', '/invites', { as: a })).body.items;
    const pending = list.find((invite: { status: string }) => invite.status === 'pending');
    await refused(
      await call(server, 'POST', `/invites/${pending.id}/revoke`, { as: b }),
      403,
      'invite.not-yours',
    );
    const [row] = await server.db.query<{ token: string }>('SELECT token FROM invites WHERE id = $1', [
      pending.id,
    ]);
    await refused(
      await call(server, 'POST', '/invite-links/response', {
        as: b,
        body: { token: row.token, accept: true },
      }),
      403,
      'invite.not-yours',
    );
  });

  it('badges: only a community manager awards or revokes; evidence only for yourself', async () => {
    await refused(
      await call(server, 'POST', '/badges', {
        as: a,
        body: { personId: a, role: 'writer', level: 'champion' },
      }),
      403,
      'badge.forbidden',
    );
    const badge = await call(server, 'POST', '/badges', {
      body: { personId: a, role: 'writer', level: 'starter' },
    });
    await refused(
      await call(server, 'POST', `/badges/${badge.body.id}/revoke`, { as: a }),
      403,
      'badge.forbidden',
    );
    await refused(
      await call(server, 'POST', '/ambassador/evidence', {
        as: a,
        body: { personId: b, role: 'writer', url: 'https://x.example/' },
      }),
      403,
      'evidence.forbidden',
    );
    await refused(
      await call(server, 'PUT', '/me/ambassador/roles', {
        as: server.nonMember,
        body: { roles: ['writer'] },
      }),
      403,
      'ambassador.not-member',
    );
  });

  it('idempotency: concurrent duplicates run once and get the same answer', async () => {
    const c = (
      await server.db.query<{ id: string }>(
        'SELECT id FROM people WHERE id <> ALL($1) ORDER BY id DESC OFFSET 1 LIMIT 1',
        [[a, b]],
      )
    )[0].id;
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        call(server, 'POST', '/kudos', {
          as: a,
          key: 'same-key-1',
          body: { to: [c], message: 'Exactly once' },
        }),
      ),
    );
    assert.ok(results.every((result) => result.status === 201));
    assert.equal(new Set(results.map((result) => result.body.id)).size, 1);
    const [{ count }] = await server.db.query<{ count: number }>(
      "SELECT count(*)::int AS count FROM kudos WHERE message = 'Exactly once'",
    );
    assert.equal(count, 1);
  });

  it('idempotency: a key reused for a different request gets 422; keys are per user', async () => {
    const c = (
      await server.db.query<{ id: string }>(
        'SELECT id FROM people WHERE id <> ALL($1) ORDER BY id DESC OFFSET 2 LIMIT 1',
        [[a, b]],
      )
    )[0].id;
    assert.equal(
      (await call(server, 'POST', '/kudos', { as: a, key: 'reused', body: { to: [c], message: 'First' } }))
        .status,
      201,
    );
    const reused = await call(server, 'POST', '/kudos', {
      as: a,
      key: 'reused',
      body: { to: [c], message: 'Second' },
    });
    await refused(reused, 422, 'idempotency.key-reused');
    assertContract('giveKudos', reused);
    const otherUser = await call(server, 'POST', '/kudos', {
      as: b,
      key: 'reused',
      body: { to: [c], message: 'Second' },
    });
    assert.equal(otherUser.status, 201);
  });

  it('metrics: breakdowns about fewer than 5 people are suppressed', async () => {
    const tiny = await testServer({ size: 12 });
    try {
      const metrics = await call(tiny, 'GET', '/metrics?month=2026-05');
      assert.equal(metrics.status, 200);
      assertContract('metrics', metrics);
      const figures = Object.values(metrics.body).filter(
        (value): value is { value: number | null; suppressed?: boolean } =>
          !!value && typeof value === 'object' && 'value' in value,
      );
      for (const figure of figures) if (figure.suppressed) assert.equal(figure.value, null);
      assert.ok(
        figures.some((figure) => figure.suppressed),
        'a 12-person company has suppressed figures',
      );
      for (const row of metrics.body.departmentMatrix.counts)
        for (const cell of row) assert.ok(cell === null || cell >= 0);
    } finally {
      await tiny.close();
    }
  });
});

describe(`security basics (${dbLabel})`, () => {
  let server: TestServer;
  before(async () => {
    server = await testServer({ size: 20, rateLimitPerMinute: 5, bodyLimit: 2048 });
  });
  after(() => server.close());

  it('throttles per user with Retry-After, in the contract shape', async () => {
    const [a, b] = server.members;
    let last;
    for (let i = 0; i < 6; i++) last = await call(server, 'GET', '/kudos-values', { as: a });
    assert.equal(last!.status, 429);
    assert.ok(Number(last!.headers['retry-after']) >= 1);
    assertContract('kudosValues', last!);
    // Another user has their own budget.
    assert.equal((await call(server, 'GET', '/kudos-values', { as: b })).status, 200);
  });

  it('refuses bodies over the limit', async () => {
    const result = await call(server, 'POST', '/people/lookup', {
      as: server.members[1],
      body: { ids: Array.from({ length: 100 }, (_, i) => `someone-with-a-long-id-${i}`) },
    });
    assert.equal(result.status, 413);
    assert.equal(result.body.code, 'too-large');
  });

  it('sends security headers and CORS only to allowed origins', async () => {
    const allowed = await server.app.inject({
      method: 'OPTIONS',
      url: '/api/kring/kudos',
      headers: { origin: 'https://intranet.example', 'access-control-request-method': 'POST' },
    });
    assert.equal(allowed.headers['access-control-allow-origin'], 'https://intranet.example');
    const other = await server.app.inject({
      method: 'OPTIONS',
      url: '/api/kring/kudos',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    assert.equal(other.headers['access-control-allow-origin'], undefined);
    const response = await server.app.inject({
      method: 'GET',
      url: '/api/kring/me',
      headers: { 'x-kring-dev-user': server.nonMember },
    });
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
    assert.match(String(response.headers['content-security-policy']), /default-src 'none'/);
    assert.ok(response.headers['strict-transport-security']);
  });

  it('answers unknown addresses and bad JSON in the contract shape', async () => {
    const missing = await server.app.inject({
      method: 'GET',
      url: '/api/kring/nothing-here',
      headers: { 'x-kring-dev-user': server.nonMember },
    });
    assert.equal(missing.statusCode, 404);
    assert.deepEqual(Object.keys(JSON.parse(missing.body)).sort(), ['code', 'message']);
  });
});
