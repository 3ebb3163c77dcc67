/**
 * SCIM 2.0 provisioning with the request sequences Microsoft Entra ID's provisioning service sends
 * (as Microsoft documents them for SCIM endpoints: create, get, filter by userName, patch with
 * capitalised ops, path filters and "False" strings, replace without a path, disable, delete; groups
 * with member add and remove), and Okta's (PUT replace, PATCH replace without a path).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { call, dbLabel, testServer, type TestServer } from './helpers.js';

const TOKEN = 'scim-secret-for-tests-0123456789';
const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

async function scim(
  server: TestServer,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
  token = TOKEN,
) {
  const response = await server.app.inject({
    method,
    url: `/scim/v2${path}`,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/scim+json' }),
    },
    payload: body === undefined ? undefined : JSON.stringify(body),
  });
  return {
    status: response.statusCode,
    type: String(response.headers['content-type'] ?? ''),
    body: response.body ? JSON.parse(response.body) : undefined,
  };
}

// Entra's "create user" request (fixture written after Microsoft's documented example).
const entraCreate = (userName: string, externalId: string, email: string) => ({
  schemas: [USER, ENTERPRISE],
  externalId,
  userName,
  active: true,
  emails: [{ primary: true, type: 'work', value: email }],
  meta: { resourceType: 'User' },
  name: { formatted: 'Fenna Visser', familyName: 'Visser', givenName: 'Fenna' },
  roles: [],
  preferredLanguage: 'nl-NL',
  title: 'Beleidsadviseur',
  [ENTERPRISE]: { department: 'Juridische Zaken' },
});

describe(`SCIM provisioning (${dbLabel})`, () => {
  let server: TestServer;
  before(async () => {
    server = await testServer({
      scim: {
        token: TOKEN,
        idFrom: 'userName',
        managerGroups: ['kring-community-manager'],
        managementGroups: ['kring-management'],
      },
    });
  });
  after(() => server.close());

  test('refuses a wrong or missing secret with a SCIM error', async () => {
    const wrong = await scim(server, 'GET', '/Users', undefined, 'not-the-secret');
    assert.equal(wrong.status, 401);
    assert.match(wrong.type, /application\/scim\+json/);
    assert.deepEqual(wrong.body.schemas, ['urn:ietf:params:scim:api:messages:2.0:Error']);
    assert.equal(wrong.body.status, '401');
    const none = await server.app.inject({ method: 'GET', url: '/scim/v2/Users' });
    assert.equal(none.statusCode, 401);
    // The Kring API's own sign-in does not open SCIM.
    const dev = await server.app.inject({
      method: 'GET',
      url: '/scim/v2/Users',
      headers: { 'x-kring-dev-user': server.seeded.communityManagerId },
    });
    assert.equal(dev.statusCode, 401);
  });

  test('discovery: ServiceProviderConfig, ResourceTypes, Schemas', async () => {
    const config = await scim(server, 'GET', '/ServiceProviderConfig');
    assert.equal(config.status, 200);
    assert.equal(config.body.patch.supported, true);
    assert.equal((await scim(server, 'GET', '/ResourceTypes')).body.totalResults, 2);
    assert.ok((await scim(server, 'GET', '/Schemas')).body.Resources.some((s: any) => s.id === USER));
  });

  test("Entra ID's user sequence: create, get, filter, patch, disable, delete", async () => {
    const userName = 'Test_User_fenna.visser@kring-test.example';
    // 1. Entra looks the user up first: none yet.
    const missing = await scim(
      server,
      'GET',
      `/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}`,
    );
    assert.equal(missing.status, 200);
    assert.equal(missing.body.totalResults, 0);
    assert.deepEqual(missing.body.Resources, []);

    // 2. Create.
    const created = await scim(
      server,
      'POST',
      '/Users',
      entraCreate(userName, '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef', 'fenna.visser@kring-test.example'),
    );
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const id = created.body.id as string;
    assert.equal(created.body.userName, userName);
    assert.equal(created.body.active, true);
    assert.equal(created.body.externalId, '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef');
    assert.equal(created.body[ENTERPRISE].department, 'Juridische Zaken');
    assert.match(created.body.meta.location, new RegExp(`/scim/v2/Users/${encodeURIComponent(id)}$`));

    // A second create with the same userName is a uniqueness conflict.
    const duplicate = await scim(
      server,
      'POST',
      '/Users',
      entraCreate(userName, 'other', 'other@kring-test.example'),
    );
    assert.equal(duplicate.status, 409);
    assert.equal(duplicate.body.scimType, 'uniqueness');

    // The person is in Kring's directory, as Kring's API shows them.
    const person = await call(server, 'POST', '/people/lookup', { body: { ids: [id] } });
    assert.equal(person.body.people[0].name, 'Fenna Visser');
    assert.equal(person.body.people[0].department, 'Juridische Zaken');
    assert.equal(person.body.people[0].email, 'fenna.visser@kring-test.example');

    // 3. Get by id and by filters (userName, externalId).
    assert.equal((await scim(server, 'GET', `/Users/${encodeURIComponent(id)}`)).body.userName, userName);
    const byName = await scim(
      server,
      'GET',
      `/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}`,
    );
    assert.equal(byName.body.totalResults, 1);
    assert.equal(byName.body.Resources[0].id, id);
    const byExternal = await scim(
      server,
      'GET',
      `/Users?filter=${encodeURIComponent('externalId eq "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef"')}`,
    );
    assert.equal(byExternal.body.Resources[0].id, id);

    // 4. Update: capitalised ops, a path with a filter, the enterprise extension by URN path.
    const patched = await scim(server, 'PATCH', `/Users/${encodeURIComponent(id)}`, {
      schemas: [PATCH],
      Operations: [
        { op: 'Replace', path: 'emails[type eq "work"].value', value: 'fenna.de.vries@kring-test.example' },
        { op: 'Replace', path: 'name.familyName', value: 'de Vries' },
        { op: 'Add', path: `${ENTERPRISE}:department`, value: 'Communicatie' },
        { op: 'Replace', path: 'title', value: 'Adviseur <interne> communicatie' },
      ],
    });
    assert.equal(patched.status, 200, JSON.stringify(patched.body));
    assert.equal(patched.body.emails[0].value, 'fenna.de.vries@kring-test.example');
    assert.equal(patched.body.name.familyName, 'de Vries');
    assert.equal(patched.body.displayName, 'Fenna de Vries');
    assert.equal(patched.body[ENTERPRISE].department, 'Communicatie');

    // Entra's replace without a path (an object of attributes).
    const noPath = await scim(server, 'PATCH', `/Users/${encodeURIComponent(id)}`, {
      schemas: [PATCH],
      Operations: [
        { op: 'replace', value: { displayName: 'Fenna de Vries-Visser', 'name.givenName': 'Fenna' } },
      ],
    });
    assert.equal(noPath.body.displayName, 'Fenna de Vries-Visser');

    // She can sign in and is found by search.
    assert.equal((await call(server, 'GET', '/me', { as: id })).status, 200);
    const found = await call(server, 'GET', `/people/search?text=${encodeURIComponent('Vries-Visser')}`);
    assert.ok(
      found.body.items.some((item: any) => item.person.id === id),
      JSON.stringify(found.body).slice(0, 300),
    );

    // A kudos to her, to check it keeps her name after she leaves.
    const [giver] = server.members;
    const kudos = await call(server, 'POST', '/kudos', {
      as: giver,
      body: { to: [id], message: 'Dank voor het advies!' },
    });
    assert.equal(kudos.status, 201, JSON.stringify(kudos.body));

    // 5. Disable: Entra's PATCH with the boolean as the string "False".
    const disabled = await scim(server, 'PATCH', `/Users/${encodeURIComponent(id)}`, {
      schemas: [PATCH],
      Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
    });
    assert.equal(disabled.status, 200);
    assert.equal(disabled.body.active, false);

    // Deactivated: no sign-in, not in search, not a member; the kudos keeps her name.
    const signIn = await call(server, 'GET', '/me', { as: id });
    assert.equal(signIn.status, 401);
    const gone = await call(server, 'GET', `/people/search?text=${encodeURIComponent('Vries-Visser')}`);
    assert.ok(!gone.body.items.some((item: any) => item.person.id === id));
    const feed = await call(server, 'GET', `/kudos?person=${encodeURIComponent(id)}`);
    assert.equal(feed.body.items[0].to[0], id);
    const shown = await call(server, 'POST', '/people/lookup', { body: { ids: [id] } });
    assert.equal(shown.body.people[0].name, 'Fenna de Vries-Visser');
    assert.equal(shown.body.people[0].isMember, false);

    // Re-enable with replace without a path and a real boolean (Okta's and Entra's newer form).
    const enabled = await scim(server, 'PATCH', `/Users/${encodeURIComponent(id)}`, {
      schemas: [PATCH],
      Operations: [{ op: 'replace', value: { active: true } }],
    });
    assert.equal(enabled.body.active, true);
    assert.equal((await call(server, 'GET', '/me', { as: id })).status, 200);

    // 6. Delete: gone for SCIM, the row stays for the kudos, no sign-in.
    assert.equal((await scim(server, 'DELETE', `/Users/${encodeURIComponent(id)}`)).status, 204);
    assert.equal((await scim(server, 'GET', `/Users/${encodeURIComponent(id)}`)).status, 404);
    assert.equal((await call(server, 'GET', '/me', { as: id })).status, 401);
    const afterDelete = await call(server, 'GET', `/kudos?person=${encodeURIComponent(id)}`);
    assert.equal(afterDelete.body.items.length, 1);

    // Every change is in the audit log.
    const actions = (
      await server.db.query<{ action: string }>(
        'SELECT action FROM audit_log WHERE subject = $1 ORDER BY seq',
        [id],
      )
    ).map((row) => row.action);
    assert.deepEqual(actions, [
      'scim.user.create',
      'scim.user.update',
      'scim.user.update',
      'scim.user.update',
      'scim.user.update',
      'scim.user.delete',
    ]);
  });

  test("Okta's sequence: create, PUT replace, PATCH replace without a path deactivates", async () => {
    const created = await scim(server, 'POST', '/Users', {
      schemas: [USER],
      userName: 'okta.user@kring-test.example',
      name: { givenName: 'Okta', familyName: 'User' },
      emails: [{ primary: true, value: 'okta.user@kring-test.example', type: 'work' }],
      displayName: 'Okta User',
      locale: 'en-US',
      externalId: '00u1abcd',
      groups: [],
      active: true,
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const id = created.body.id;
    const replaced = await scim(server, 'PUT', `/Users/${encodeURIComponent(id)}`, {
      schemas: [USER],
      id,
      userName: 'okta.user@kring-test.example',
      name: { givenName: 'Okta', familyName: 'Renamed' },
      emails: [{ primary: true, value: 'okta.user@kring-test.example', type: 'work' }],
      active: true,
    });
    assert.equal(replaced.status, 200);
    assert.equal(replaced.body.displayName, 'Okta Renamed');
    const deactivated = await scim(server, 'PATCH', `/Users/${encodeURIComponent(id)}`, {
      schemas: [PATCH],
      Operations: [{ op: 'replace', value: { active: false } }],
    });
    assert.equal(deactivated.body.active, false);
    // Okta lists with startIndex and count.
    const page = await scim(server, 'GET', '/Users?startIndex=1&count=2');
    assert.equal(page.body.itemsPerPage, 2);
    assert.equal(page.body.startIndex, 1);
    assert.ok(page.body.totalResults > 2);
  });

  test('an imported person is adopted by SCIM, not duplicated', async () => {
    const [member] = await server.db.query<{ id: string; email: string }>(
      'SELECT id, email FROM people WHERE email IS NOT NULL AND user_name IS NULL AND deactivated_at IS NULL ORDER BY id LIMIT 1',
    );
    const found = await scim(
      server,
      'GET',
      `/Users?filter=${encodeURIComponent(`userName eq "${member.email}"`)}`,
    );
    assert.equal(found.body.totalResults, 1);
    assert.equal(found.body.Resources[0].id, member.id);
    const adopted = await scim(server, 'POST', '/Users', {
      schemas: [USER],
      userName: member.email,
      emails: [{ primary: true, value: member.email }],
      displayName: 'Adopted Name',
      active: true,
    });
    assert.equal(adopted.status, 201);
    assert.equal(adopted.body.id, member.id);
  });

  test('groups map to roles: add and remove members (Entra), rename, delete', async () => {
    const [alice, bob] = server.members;
    const group = await scim(server, 'POST', '/Groups', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
      externalId: '8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159',
      displayName: 'kring-community-manager',
      meta: { resourceType: 'Group' },
    });
    assert.equal(group.status, 201, JSON.stringify(group.body));
    const gid = group.body.id;
    const byName = await scim(
      server,
      'GET',
      `/Groups?excludedAttributes=members&filter=${encodeURIComponent('displayName eq "kring-community-manager"')}`,
    );
    assert.equal(byName.body.Resources[0].id, gid);
    assert.equal(byName.body.Resources[0].members, undefined);

    const added = await scim(server, 'PATCH', `/Groups/${gid}`, {
      schemas: [PATCH],
      Operations: [{ op: 'Add', path: 'members', value: [{ $ref: null, value: alice }, { value: bob }] }],
    });
    assert.equal(added.status, 200, JSON.stringify(added.body));
    assert.equal(added.body.members.length, 2);
    const isManager = async (id: string) =>
      (
        await server.db.query<{ m: boolean }>('SELECT is_community_manager AS m FROM people WHERE id = $1', [
          id,
        ])
      )[0].m;
    assert.equal(await isManager(alice), true);
    // A manager action works for her now.
    const awarded = await call(server, 'POST', '/badges', {
      as: alice,
      body: { personId: bob, role: 'presenter', level: 'starter' },
    });
    assert.equal(awarded.status, 201, JSON.stringify(awarded.body));

    // Entra removes a member with a value list; Okta-style with a path filter.
    await scim(server, 'PATCH', `/Groups/${gid}`, {
      schemas: [PATCH],
      Operations: [{ op: 'Remove', path: 'members', value: [{ $ref: null, value: alice }] }],
    });
    assert.equal(await isManager(alice), false);
    assert.equal(await isManager(bob), true);
    await scim(server, 'PATCH', `/Groups/${gid}`, {
      schemas: [PATCH],
      Operations: [{ op: 'remove', path: `members[value eq "${bob}"]` }],
    });
    assert.equal(await isManager(bob), false);

    assert.equal((await scim(server, 'DELETE', `/Groups/${gid}`)).status, 204);
    assert.equal((await scim(server, 'GET', `/Groups/${gid}`)).status, 404);
  });

  test('bad requests answer in the SCIM error shape', async () => {
    const filter = await scim(server, 'GET', `/Users?filter=${encodeURIComponent('title co "x"')}`);
    assert.equal(filter.status, 400);
    assert.equal(filter.body.scimType, 'invalidFilter');
    const op = await scim(server, 'PATCH', `/Users/${encodeURIComponent(server.members[0])}`, {
      schemas: [PATCH],
      Operations: [{ op: 'move', path: 'title', value: 'x' }],
    });
    assert.equal(op.status, 400);
    const unknown = await scim(server, 'GET', '/Users/nobody-here');
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.status, '404');
  });
});
