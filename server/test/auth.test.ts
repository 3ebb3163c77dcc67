/** Identity only from verified credentials: OIDC (JWKS), CMS-minted tokens, trusted proxy, dev mode. */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { createAuthenticator } from '../src/auth.js';
import { call, dbLabel, testServer, type TestServer } from './helpers.js';

const ISSUER = 'https://login.example/tenant/v2.0';
const AUDIENCE = 'api://kring';
const CMS_SECRET = 'a-long-shared-secret-for-the-cms-token-0123456789';

describe(`authentication (${dbLabel})`, () => {
  let jwks: Server;
  let server: TestServer;
  let signingKey: CryptoKey;
  let strangerKey: CryptoKey;

  const oidcToken = (
    claims: Record<string, unknown>,
    options: { key?: CryptoKey; iss?: string; aud?: string; exp?: number } = {},
  ) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(options.iss ?? ISSUER)
      .setAudience(options.aud ?? AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(options.exp ?? Math.floor(Date.now() / 1000) + 300)
      .sign(options.key ?? signingKey);

  const cmsToken = (sub: string, options: { secret?: string; exp?: number } = {}) =>
    new SignJWT({ sub, name: 'From the CMS' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('wordpress')
      .setAudience('kring')
      .setExpirationTime(options.exp ?? Math.floor(Date.now() / 1000) + 300)
      .sign(new TextEncoder().encode(options.secret ?? CMS_SECRET));

  before(async () => {
    const pair = await generateKeyPair('RS256');
    signingKey = pair.privateKey as CryptoKey;
    strangerKey = (await generateKeyPair('RS256')).privateKey as CryptoKey;
    const publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    jwks = createServer((_request, response) => {
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ keys: [publicJwk] }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/keys`;
    server = await testServer({
      auth: {
        dev: undefined,
        oidc: { issuer: ISSUER, audience: AUDIENCE, jwksUrl },
        cms: { secret: CMS_SECRET, issuer: 'wordpress', audience: 'kring' },
        proxy: { header: 'x-remote-user', trustedAddresses: ['10.1.2.3'] },
        managerRoles: ['kring-community-manager'],
      },
    });
  });
  after(async () => {
    await server.close();
    await new Promise((resolve) => jwks.close(resolve));
  });

  const me = (headers: Record<string, string>, remoteAddress?: string) =>
    server.app.inject({ method: 'GET', url: '/api/kring/me', headers, remoteAddress });

  it('refuses a request without credentials', async () => {
    const response = await me({});
    assert.equal(response.statusCode, 401);
    assert.equal(JSON.parse(response.body).code, 'auth.required');
  });

  it('accepts a valid OIDC token and creates the person just in time', async () => {
    const token = await oidcToken({
      sub: 'oidc-user-1',
      name: 'Noor Visser',
      email: 'noor@kring-demo.example',
    });
    const response = await me({ authorization: `Bearer ${token}` });
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(JSON.parse(response.body).name, 'Noor Visser');
  });

  it('signs a provisioned or imported person in by external id or e-mail, and refuses a deactivated one', async () => {
    // Provisioned (SCIM) under their user name, with the identity provider's object id as external id.
    await server.db.query(
      `INSERT INTO people (id, email, name, external_id, user_name, is_member)
       VALUES ('lotte@acme.example', 'lotte@acme.example', 'Lotte Smit', 'oid-1234', 'lotte@acme.example', true)`,
    );
    const byExternalId = await me({ authorization: `Bearer ${await oidcToken({ sub: 'oid-1234' })}` });
    assert.equal(byExternalId.statusCode, 200, byExternalId.body);
    assert.equal(byExternalId.json().id, 'lotte@acme.example');
    const byEmail = await me({
      authorization: `Bearer ${await oidcToken({ sub: 'pairwise-sub-9', email: 'Lotte@acme.example' })}`,
    });
    assert.equal(byEmail.json().id, 'lotte@acme.example');
    const [{ count }] = await server.db.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM people WHERE lower(email) = 'lotte@acme.example' OR id IN ('oid-1234', 'pairwise-sub-9')`,
    );
    assert.equal(count, 1);
    await server.db.query(`UPDATE people SET deactivated_at = now() WHERE id = 'lotte@acme.example'`);
    const deactivated = await me({ authorization: `Bearer ${await oidcToken({ sub: 'oid-1234' })}` });
    assert.equal(deactivated.statusCode, 401);
    assert.match(deactivated.json().message, /deactivated/);
  });

  it('refuses forged, expired, wrong-audience and wrong-issuer OIDC tokens', async () => {
    const forged = await oidcToken({ sub: server.seeded.communityManagerId }, { key: strangerKey });
    const expired = await oidcToken({ sub: 'oidc-user-1' }, { exp: Math.floor(Date.now() / 1000) - 3600 });
    const wrongAudience = await oidcToken({ sub: 'oidc-user-1' }, { aud: 'api://other' });
    const wrongIssuer = await oidcToken({ sub: 'oidc-user-1' }, { iss: 'https://evil.example/' });
    const tampered = (await oidcToken({ sub: 'oidc-user-1' })).replace(
      /\.[^.]+\./,
      `.${Buffer.from(JSON.stringify({ sub: server.seeded.communityManagerId, iss: ISSUER, aud: AUDIENCE, exp: 9999999999 })).toString('base64url')}.`,
    );
    for (const [name, token] of Object.entries({ forged, expired, wrongAudience, wrongIssuer, tampered })) {
      const response = await me({ authorization: `Bearer ${token}` });
      assert.equal(response.statusCode, 401, `${name} token was accepted`);
      assert.deepEqual(Object.keys(JSON.parse(response.body)).sort(), ['code', 'message']);
    }
  });

  it('takes roles from claims: only a community manager role may award badges', async () => {
    const [member] = server.members;
    const plain = await oidcToken({ sub: 'oidc-user-2', name: 'Plain' });
    const manager = await oidcToken({ sub: 'oidc-user-3', name: 'Boss', roles: ['kring-community-manager'] });
    const body = JSON.stringify({ personId: member, role: 'writer', level: 'starter' });
    const award = (token: string, key: string) =>
      server.app.inject({
        method: 'POST',
        url: '/api/kring/badges',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'idempotency-key': key,
        },
        payload: body,
      });
    assert.equal((await award(plain, 'a1')).statusCode, 403);
    assert.equal((await award(manager, 'a2')).statusCode, 201);
  });

  it('accepts a CMS-minted HS256 token and refuses one signed with another secret or expired', async () => {
    const good = await me({ authorization: `Bearer ${await cmsToken(server.members[0])}` });
    assert.equal(good.statusCode, 200);
    assert.equal(JSON.parse(good.body).id, server.members[0]);
    const forged = await me({
      authorization: `Bearer ${await cmsToken(server.members[0], { secret: 'guessed-secret-guessed-secret-guessed' })}`,
    });
    assert.equal(forged.statusCode, 401);
    const expired = await me({
      authorization: `Bearer ${await cmsToken(server.members[0], { exp: Math.floor(Date.now() / 1000) - 120 })}`,
    });
    assert.equal(expired.statusCode, 401);
  });

  it('accepts the proxy header only from the configured proxy address', async () => {
    const trusted = await me({ 'x-remote-user': server.members[1] }, '10.1.2.3');
    assert.equal(trusted.statusCode, 200);
    assert.equal(JSON.parse(trusted.body).id, server.members[1]);
    const spoofed = await me({ 'x-remote-user': server.seeded.communityManagerId }, '127.0.0.1');
    assert.equal(spoofed.statusCode, 401);
  });

  it('ignores the dev header when dev mode is off', async () => {
    const response = await me({ 'x-kring-dev-user': server.seeded.communityManagerId });
    assert.equal(response.statusCode, 401);
  });

  it('refuses dev mode when NODE_ENV=production', () => {
    const previous = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      assert.throws(() =>
        createAuthenticator(
          {
            dev: { defaultUserId: 'x' },
            idClaim: 'sub',
            roleClaims: [],
            managerRoles: [],
            managementRoles: [],
            jitMembers: true,
            clockToleranceSeconds: 0,
          },
          server.db,
        ),
      );
    } finally {
      process.env.NODE_ENV = previous;
    }
  });

  it('signs in the chosen demo person in dev mode', async () => {
    const dev = await testServer({ size: 20 });
    try {
      const result = await call(dev, 'GET', '/me', { as: dev.members[0] });
      assert.equal(result.body.id, dev.members[0]);
    } finally {
      await dev.close();
    }
  });
});

describe(`dev mode cookie sign-in (${dbLabel})`, () => {
  it('refuses a cookie-signed write without a header a cross-site page cannot send', async () => {
    const dev = await testServer({ size: 20 });
    try {
      const cookie = `kring-dev-user=${dev.members[0]}`;
      const bare = await dev.app.inject({
        method: 'POST',
        url: '/api/kring/invite-links',
        headers: { cookie, 'content-type': 'text/plain' },
        payload: '',
      });
      assert.equal(bare.statusCode, 403);
      assert.equal(JSON.parse(bare.body).code, 'auth.csrf');
      const me = await dev.app.inject({ method: 'GET', url: '/api/kring/me', headers: { cookie } });
      assert.equal(JSON.parse(me.body).id, dev.members[0]);
      const withKey = await dev.app.inject({
        method: 'POST',
        url: '/api/kring/activity',
        headers: {
          cookie,
          'content-type': 'application/json',
          'idempotency-key': 'csrf-2',
          'x-kring-request': '1',
        },
        payload: JSON.stringify({ events: [] }),
      });
      assert.equal(withKey.statusCode, 204);
      const lookup = await dev.app.inject({
        method: 'POST',
        url: '/api/kring/people/lookup',
        headers: { cookie, 'content-type': 'application/json' },
        payload: JSON.stringify({ ids: [dev.members[1]] }),
      });
      assert.equal(lookup.statusCode, 200, 'a JSON read needs a preflight cross-site, so it is safe');
    } finally {
      await dev.close();
    }
  });
});
