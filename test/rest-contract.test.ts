// The msw REST mock against docs/api/openapi.yaml: every request it accepts and every answer it gives is
// checked by validators compiled from the contract, so the mock (and the tests built on it) cannot drift
// from what a real server such as Kring Server does.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import '../src/index.js';
import type { Backend } from '../src/backends/backend.js';
import { createDemoBackend } from '../src/backends/demo/index.js';
import { registerBackend } from '../src/backends/registry.js';
import { createRestBackend, restBackendFactory } from '../src/backends/rest/index.js';
import type { KringKudosFeed } from '../src/elements/kudos-feed/kudos-feed.js';
import type { KringProfileCard } from '../src/elements/profile-card/profile-card.js';
import { contractOperations } from '../mocks/rest/contract.js';
import { createRestHandlers } from '../mocks/rest/handlers.js';
import { TEST_NOW } from './helpers/clock.js';
// Ignores only the virtualizer's benign ResizeObserver loop report (see there).
import './helpers/kudos.js';

const endpoint = '/api/kring-contract';
registerBackend('rest', restBackendFactory);

/** The contract operation a request belongs to, by method and path template. */
function operationOf(request: Request) {
  const path = new URL(request.url).pathname.slice(endpoint.length);
  return contractOperations.find(
    (operation) =>
      operation.method === request.method &&
      new RegExp(`^${operation.path.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path),
  )?.id;
}

function mockServer(backend: Backend = createDemoBackend({ persist: false, storage: null, now: TEST_NOW })) {
  const violations: string[] = [];
  const requests: Request[] = [];
  const handlers = createRestHandlers({
    endpoint,
    backend,
    onRequest: (request) => requests.push(request),
    onContractViolation: (message) => violations.push(message),
  });
  return { handlers, violations, requests };
}

const worker = setupWorker();
let keys = 0;
const key = () => `contract-${++keys}-${Math.random()}`;

async function send(method: string, path: string, init: { body?: unknown; key?: string } = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (init.key !== undefined) headers['Idempotency-Key'] = init.key;
  const response = await fetch(`${endpoint}${path}`, {
    method,
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return {
    status: response.status,
    body: (await response.json().catch(() => null)) as Record<string, string>,
  };
}

describe('the REST mock and the contract', () => {
  before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
  afterEach(() => worker.resetHandlers());
  after(() => worker.stop());

  it('answers every operation of the contract, and nothing the contract lacks', () => {
    const { handlers } = mockServer();
    const mocked = handlers.map((handler) => {
      const info = handler.info as { method: string; path: string };
      return `${info.method} ${info.path.slice(endpoint.length).replace(/:([A-Za-z]+)/g, '{$1}')}`;
    });
    const contract = contractOperations.map((operation) => `${operation.method} ${operation.path}`);
    expect([...mocked].sort()).to.deep.equal([...contract].sort());
    expect(contract.length).to.be.greaterThan(25);
  });

  it('gives only answers inside the contract over a session that uses every operation', async () => {
    const demo = createDemoBackend({ persist: false, storage: null, now: TEST_NOW });
    const { handlers, violations, requests } = mockServer(demo);
    worker.use(...handlers);
    const rest = createRestBackend({ endpoint });
    const me = await rest.currentUser();
    const colleague = demo.demo.data.people.find(
      (person) => person.id !== me.id && person.skills.length > 0,
    )!;
    const attempt = async (run: () => Promise<unknown>) => {
      try {
        await run();
      } catch {
        // A refusal is an answer too: the contract's error shape is checked like any other.
      }
    };
    await rest.getPeople([me.id, colleague.id, 'nobody']);
    await rest.searchPeople({ text: colleague.skills[0].name, limit: 5 });
    await rest.suggestSkills(colleague.skills[0].name.slice(0, 2));
    await attempt(() => rest.endorseSkill(colleague.id, colleague.skills[0].name, { idempotencyKey: key() }));
    await attempt(() =>
      rest.unendorseSkill(colleague.id, colleague.skills[0].name, { idempotencyKey: key() }),
    );
    const values = await rest.kudosValues();
    const kudos = await rest.giveKudos(
      { to: [colleague.id], value: values[0], message: 'Thanks for the help with the quarterly figures.' },
      { idempotencyKey: key() },
    );
    await attempt(() => rest.giveKudos({ to: [me.id], message: 'Myself' }, { idempotencyKey: key() }));
    const page = await rest.listKudos({ limit: 5 });
    await rest.react(page.items[0].id, 'thanks', true, { idempotencyKey: key() });
    await rest.listReactors(page.items[0].id, 'thanks');
    await rest.react(kudos.id, 'thanks', false, { idempotencyKey: key() });
    await rest.inviteQuota();
    const invite = await rest.sendInvite(
      { email: `contract-${keys}@example.org`, message: 'Join us' },
      { idempotencyKey: key() },
    );
    await rest.listInvites({ inviterId: me.id, limit: 5 });
    await attempt(() => rest.resendInvite(invite.id, { idempotencyKey: key() }));
    await attempt(() => rest.revokeInvite(invite.id, { idempotencyKey: key() }));
    const link = await rest.createInviteLink({ idempotencyKey: key() });
    const token =
      new URL(link.url, location.href).searchParams.get('invite') ?? link.url.split(/[#=]/).pop()!;
    await attempt(() => rest.lookupInvite(token));
    await attempt(() => rest.respondToInvite(token, false, { idempotencyKey: key() }));
    await rest.inviteTree(me.id);
    const profile = await rest.ambassadorProfile(me.id);
    await attempt(() =>
      rest.chooseAmbassadorRoles([profile.roles[0] ?? 'writer'], { idempotencyKey: key() }),
    );
    await attempt(() =>
      rest.recordEvidence(
        { personId: me.id, role: profile.roles[0] ?? 'writer', url: 'https://intranet.example/post/1' },
        { idempotencyKey: key() },
      ),
    );
    await rest.listBadges(colleague.id);
    let badge: { id: string } | undefined;
    await attempt(async () => {
      badge = await rest.awardBadge(
        { personId: colleague.id, role: 'writer', level: 'starter' },
        { idempotencyKey: key() },
      );
    });
    await attempt(() => rest.revokeBadge(badge?.id ?? 'no-such-badge', { idempotencyKey: key() }));
    await rest.track([
      { type: 'element-seen', at: TEST_NOW.toISOString(), actorId: me.id, subject: 'kring-profile-card' },
    ]);
    await rest.metrics({ month: TEST_NOW.toISOString().slice(0, 7) });
    await rest.pioneers({ limit: 5 });
    // The imitation offers no live updates: 204, and the adapter says so (false).
    const streamed = await rest.streamEvents!({ signal: new AbortController().signal, onEvent: () => {} });
    expect(streamed).to.equal(false);

    expect(violations, violations.join('\n')).to.deep.equal([]);
    const used = new Set(requests.map(operationOf));
    const unused = contractOperations.map((operation) => operation.id).filter((id) => !used.has(id));
    expect(unused, 'operations this session did not reach').to.deep.equal([]);
  });

  it('refuses requests outside the contract with 400 and names what is wrong, as a server does', async () => {
    const { handlers, violations } = mockServer();
    worker.use(...handlers);
    const cases = [
      { call: await send('GET', '/kudos?limit=150'), names: 'limit' },
      { call: await send('GET', '/kudos?limit=ten'), names: 'limit' },
      { call: await send('GET', '/metrics?month='), names: 'month' },
      { call: await send('GET', '/metrics'), names: 'month' },
      {
        call: await send('POST', '/people/lookup', {
          body: { ids: Array.from({ length: 101 }, (_, i) => `p${i}`) },
        }),
        names: 'ids',
      },
      { call: await send('POST', '/kudos', { key: key(), body: { to: [], message: 'Hi' } }), names: 'to' },
      {
        call: await send('POST', '/kudos', { key: key(), body: { to: ['p1'], message: 'x'.repeat(2001) } }),
        names: 'message',
      },
      {
        call: await send('POST', '/invites', { key: key(), body: { email: 'not an address' } }),
        names: 'email',
      },
      {
        call: await send('POST', '/kudos', { body: { to: ['p1'], message: 'Hi' } }),
        names: 'idempotency-key',
      },
      {
        call: await send('POST', '/kudos', { key: 'k'.repeat(129), body: { to: ['p1'], message: 'Hi' } }),
        names: 'idempotency-key',
      },
    ];
    for (const { call, names } of cases) {
      expect(call.status, JSON.stringify(call.body)).to.equal(400);
      expect(call.body.code).to.equal('invalid.request');
      expect(call.body.message).to.contain(names);
    }
    expect(violations).to.deep.equal([]);
  });

  it('reports an answer outside the contract instead of passing it on', async () => {
    const demo = createDemoBackend({ persist: false, storage: null, now: TEST_NOW });
    // A backend that forgets a required field: what a drifting mock would send.
    const drifting: Backend = {
      ...demo,
      currentUser: async () => ({ ...(await demo.currentUser()), name: undefined }) as never,
    };
    const { handlers, violations } = mockServer(drifting);
    worker.use(...handlers);
    const answer = await send('GET', '/me');
    expect(answer.status).to.equal(500);
    expect(answer.body.code).to.equal('mock.contract-violation');
    expect(violations).to.have.length(1);
    expect(violations[0]).to.contain('currentUser').and.contain('name');
  });

  it('a feed asked for 150 kudos shows 150, fetched in two contract-valid pages', async () => {
    const { handlers, violations, requests } = mockServer();
    worker.use(...handlers);
    const community = await fixture(html`
      <kring-community backend="rest" endpoint=${endpoint} tracking="off">
        <kring-kudos-feed limit="150"></kring-kudos-feed>
      </kring-community>
    `);
    const feed = community.querySelector<KringKudosFeed>('kring-kudos-feed')!;
    // The list is virtualised (only items near the viewport are in the DOM): count what it loaded.
    await waitUntil(() => feed.loadedCount >= 150, `the feed loads 150 kudos (has ${feed.loadedCount})`, {
      timeout: 10_000,
    });
    expect(feed.loadedCount).to.equal(150);
    // Rendering 150 kudos can take over a second on a loaded CI machine.
    await waitUntil(() => feed.shadowRoot!.querySelector('article'), 'the feed shows kudos', {
      timeout: 5_000,
    });
    expect(feed.shadowRoot!.querySelector('[part~="error"]'), 'no error state').to.equal(null);
    const limits = requests
      .filter((request) => operationOf(request) === 'listKudos')
      .map((request) => new URL(request.url).searchParams.get('limit'));
    expect(limits.slice(0, 2)).to.deep.equal(['100', '50']);
    expect(violations).to.deep.equal([]);
  });

  it('a server without the community endpoints still gives full profile cards from the directory', async () => {
    const demo = createDemoBackend({ persist: false, storage: null, now: TEST_NOW });
    const person = demo.demo.data.people.find((candidate) => candidate.skills.length > 0 && candidate.title)!;
    const { handlers } = mockServer(demo);
    // A CMS that implemented only the people part of the contract: the community paths do not exist there.
    const absent = () => HttpResponse.json({ code: 'not-found', message: 'No route.' }, { status: 404 });
    worker.use(
      http.get(`${endpoint}/people/:personId/badges`, absent),
      http.get(`${endpoint}/people/:personId/ambassador`, absent),
      http.get(`${endpoint}/people/:personId/invite-tree`, absent),
      ...handlers,
    );
    const community = await fixture(html`
      <kring-community backend="rest" endpoint=${endpoint} tracking="off">
        <kring-profile-card person=${person.id} view="full"></kring-profile-card>
      </kring-community>
    `);
    const card = community.querySelector<KringProfileCard>('kring-profile-card')!;
    const text = () => card.shadowRoot!.textContent!.replace(/\s+/g, ' ');
    await waitUntil(() => text().includes(person.name), 'the card shows the name', { timeout: 8000 });
    expect(text()).to.contain(person.title);
    expect(text()).to.contain(person.skills[0].name);
    expect(card.shadowRoot!.querySelector('[role="alert"]'), 'no error state').to.equal(null);
    await expect(card).to.be.accessible();
  });
});
