import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { createDemoBackend } from '../src/backends/demo/index.js';
import type { FetchLike } from '../src/backends/http/index.js';
import { createRestBackend, restBackendFactory } from '../src/backends/rest/index.js';
import { BackendConfigError } from '../src/backends/registry.js';
import { faults } from '../mocks/faults.js';
import { createRestHandlers } from '../mocks/rest/handlers.js';
import { rejection, recordingSleep } from './helpers/assertions.js';
import type { Backend } from '../src/backends/backend.js';
import type { ActivityEvent } from '../src/model.js';

const endpoint = '/api/kring';
const demo = createDemoBackend({ persist: false, storage: null, now: new Date('2026-11-20T12:00:00Z') });
const worker = setupWorker(...createRestHandlers({ endpoint, backend: demo }));

/** Counts every request the adapter sends (its own fetch), with method and URL. */
function countingFetch(inner: FetchLike = (input, init) => fetch(input, init)) {
  const requests: { method: string; url: string; headers: Headers }[] = [];
  const wrapped: FetchLike = (input, init) => {
    requests.push({ method: init?.method ?? 'GET', url: String(input), headers: new Headers(init?.headers) });
    return inner(input, init);
  };
  return { fetch: wrapped, requests };
}

let keyCounter = 0;
const key = () => `test-key-${++keyCounter}-${Date.now()}`;

describe('REST backend over msw', () => {
  before(async () => {
    await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
  });
  afterEach(() => worker.resetHandlers());
  after(() => worker.stop());

  it('fetches a limit above the contract maximum (100) in contract-valid pages: 150 → 100 + 50', async () => {
    const { fetch, requests } = countingFetch();
    const backend = createRestBackend({ endpoint, fetch });
    const page = await backend.listKudos({ limit: 150 });
    expect(page.items).to.have.length(150);
    const limits = requests.map((request) => new URL(request.url, location.href).searchParams.get('limit'));
    expect(limits).to.deep.equal(['100', '50']);
    expect(new URL(requests[1].url, location.href).searchParams.get('cursor')).to.be.a('string');
    expect(new Set(page.items.map((kudos) => kudos.id)).size).to.equal(150);
  });

  it('loads photos only from this origin or, over https, from hosts the integrator allowed', async () => {
    const photoUrls = [
      '/photos/same-origin.jpg',
      '//evil.example/x.jpg',
      'https://photos.intranet.example/a.jpg',
      'http://photos.intranet.example/a.jpg',
      'javascript:alert(1)',
    ];
    const fetch: FetchLike = async () =>
      new Response(
        JSON.stringify({
          people: photoUrls.map((photoUrl, index) => ({
            id: `p${index}`,
            name: `P ${index}`,
            photoUrl,
            skills: [],
            links: [],
            isManagement: false,
          })),
        }),
        { headers: { 'content-type': 'application/json' } },
      );
    const ids = photoUrls.map((_, index) => `p${index}`);
    const plain = await createRestBackend({ endpoint, fetch }).getPeople(ids);
    expect(plain.map((person) => person?.photoUrl)).to.deep.equal([
      '/photos/same-origin.jpg',
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    const allowed = await createRestBackend({
      endpoint,
      fetch,
      photoHosts: ['photos.intranet.example'],
    }).getPeople(ids);
    expect(allowed.map((person) => person?.photoUrl)).to.deep.equal([
      '/photos/same-origin.jpg',
      undefined,
      'https://photos.intranet.example/a.jpg',
      undefined,
      undefined,
    ]);
  });

  it('the mock keeps idempotency keys per user: a key reused for a different request is refused (422)', async () => {
    const send = (key: string, message: string) =>
      fetch(`${endpoint}/kudos`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'Idempotency-Key': key },
        body: JSON.stringify({ to: [demo.demo.data.people[5].id], message }),
      });
    const reused = `reuse-${Date.now()}`;
    const first = await send(reused, 'Same key, first request');
    expect(first.status).to.equal(201);
    const repeat = await send(reused, 'Same key, first request');
    expect(repeat.status).to.equal(201);
    expect((await repeat.json()).id).to.equal((await first.json()).id);
    const different = await send(reused, 'Same key, another request');
    expect(different.status).to.equal(422);
    expect((await different.json()).code).to.equal('idempotency-key.reused');
    expect((await send('k'.repeat(129), 'Too long a key')).status).to.equal(400);
  });

  it('is named rest and reports its capabilities', () => {
    const backend = createRestBackend({ endpoint, capabilities: { metrics: false } });
    expect(backend.name).to.equal('rest');
    expect(backend.capabilities.kudos).to.equal(true);
    expect(backend.capabilities.metrics).to.equal(false);
  });

  it('the registry factory needs an endpoint', () => {
    expect(() => restBackendFactory({})).to.throw(BackendConfigError);
    expect((restBackendFactory({ endpoint }) as { name: string }).name).to.equal('rest');
  });

  it('looks up 200 people in two requests, in order, with null for unknown ids', async () => {
    const me = await demo.currentUser();
    const page = await demo.searchPeople({ limit: 199 });
    const ids = [...page.items.map((match) => match.person.id), 'nobody-here'];
    expect(ids.length).to.be.greaterThan(100);
    const { fetch, requests } = countingFetch();
    const backend = createRestBackend({ endpoint, fetch });
    const people = await backend.getPeople(ids);
    expect(requests.map((r) => `${r.method} ${new URL(r.url, location.href).pathname}`)).to.deep.equal([
      'POST /api/kring/people/lookup',
      'POST /api/kring/people/lookup',
    ]);
    expect(people.map((person) => person?.id ?? null)).to.deep.equal([...ids.slice(0, -1), null]);
    const self = await backend.currentUser();
    expect(self.id).to.equal(me.id);
  });

  it('answers every read endpoint of the contract', async () => {
    const backend = createRestBackend({ endpoint });
    const me = await backend.currentUser();
    const search = await backend.searchPeople({ text: me.skills[0]?.name ?? 'a', limit: 5 });
    expect(search.items.length).to.be.greaterThan(0);
    expect(search.items[0].person.id).to.be.a('string');
    const suggestions = await backend.suggestSkills((me.skills[0]?.name ?? 'sha').slice(0, 3));
    expect(suggestions).to.be.an('array');
    const values = await backend.kudosValues();
    expect(values).to.deep.equal(await demo.kudosValues());
    const first = await backend.listKudos({ limit: 3 });
    expect(first.items).to.have.length(3);
    expect(first.next, 'a cursor to the next page').to.be.a('string');
    const second = await backend.listKudos({ limit: 3, cursor: first.next });
    expect(second.items[0].id).to.not.equal(first.items[0].id);
    const reactors = await backend.listReactors(first.items[0].id, 'thanks');
    expect(reactors).to.be.an('array');
    const quota = await backend.inviteQuota();
    expect(quota.limit).to.be.a('number');
    const invites = await backend.listInvites({ limit: 2 });
    expect(invites.items).to.be.an('array');
    const tree = await backend.inviteTree(me.id);
    expect(tree.personId).to.equal(me.id);
    const profile = await backend.ambassadorProfile(me.id);
    expect(profile.personId).to.equal(me.id);
    expect(await backend.listBadges(me.id)).to.be.an('array');
    const metrics = await backend.metrics({ month: '2026-10' });
    expect(metrics.month).to.equal('2026-10');
    expect(await backend.pioneers({ limit: 3 })).to.have.length.at.most(3);
    const unknown = await backend.lookupInvite('no-such-token');
    expect(unknown.state).to.equal('unknown');
  });

  it('performs every write with an Idempotency-Key', async () => {
    const { fetch, requests } = countingFetch();
    const backend = createRestBackend({ endpoint, fetch });
    const me = await backend.currentUser();
    const colleague = (await backend.searchPeople({ limit: 5 })).items.find(
      (m) => m.person.id !== me.id,
    )!.person;
    const kudos = await backend.giveKudos(
      { to: [colleague.id], message: 'Thanks for the help!' },
      { idempotencyKey: key() },
    );
    expect(kudos.message).to.equal('Thanks for the help!');
    const reacted = await backend.react(kudos.id, 'celebrate', true, { idempotencyKey: key() });
    expect(reacted.reactions.find((r) => r.type === 'celebrate')?.reactedByMe).to.equal(true);
    const unreacted = await backend.react(kudos.id, 'celebrate', false, { idempotencyKey: key() });
    expect(unreacted.reactions.find((r) => r.type === 'celebrate')?.reactedByMe ?? false).to.equal(false);
    if (colleague.skills[0]) {
      const skill = await backend.endorseSkill(colleague.id, colleague.skills[0].name, {
        idempotencyKey: key(),
      });
      expect(skill.endorsedByMe).to.equal(true);
      const undone = await backend.unendorseSkill(colleague.id, colleague.skills[0].name, {
        idempotencyKey: key(),
      });
      expect(undone.endorsedByMe).to.equal(false);
    }
    const invite = await backend.sendInvite(
      { email: 'new.colleague@example.org' },
      { idempotencyKey: key() },
    );
    expect(invite.status).to.equal('pending');
    expect((await backend.resendInvite(invite.id, { idempotencyKey: key() })).status).to.equal('pending');
    expect((await backend.revokeInvite(invite.id, { idempotencyKey: key() })).status).to.equal('revoked');
    const link = await backend.createInviteLink({ idempotencyKey: key() });
    expect((await backend.lookupInvite(link.token)).state).to.equal('valid');
    expect(
      requests.filter((r) => r.url.includes(link.token)).map((r) => r.url),
      'the token is never in an address (server logs keep those)',
    ).to.deep.equal([]);
    const roles = await backend.chooseAmbassadorRoles(['writer'], { idempotencyKey: key() });
    expect(roles.roles).to.deep.equal(['writer']);
    const evidence = await backend.recordEvidence(
      { personId: me.id, role: 'writer', url: 'https://intranet.example/article' },
      { idempotencyKey: key() },
    );
    expect(evidence.personId).to.equal(me.id);
    const badge = await backend.awardBadge(
      { personId: colleague.id, role: 'writer', level: 'starter' },
      { idempotencyKey: key() },
    );
    expect(badge.personId).to.equal(colleague.id);
    expect((await backend.revokeBadge(badge.id, { idempotencyKey: key() })).revokedAt).to.be.a('string');
    await backend.track([
      { type: 'element-seen', actorId: me.id, at: new Date().toISOString(), subject: 'kring-kudos-feed' },
    ]);
    const reads = /\/(people|invite-links)\/lookup$/;
    const writes = requests.filter((r) => r.method !== 'GET' && !reads.test(r.url));
    expect(writes.length).to.be.greaterThan(10);
    for (const write of writes)
      expect(write.headers.get('idempotency-key'), write.url).to.be.a('string').and.not.equal('');
  });

  it('never duplicates a write whose answer was lost: the retry carries the same key', async () => {
    let lost = 0;
    const { fetch, requests } = countingFetch(async (input, init) => {
      const response = await window.fetch(input, init);
      // The server executed the first POST, but its answer never arrived.
      if (init?.method === 'POST' && String(input).endsWith('/kudos') && lost++ === 0)
        throw new TypeError('Failed to fetch');
      return response;
    });
    const { sleep } = recordingSleep();
    const backend = createRestBackend({ endpoint, fetch, sleep, retries: 3 });
    const me = await backend.currentUser();
    const before = await backend.listKudos({ from: me.id, limit: 100 });
    const colleague = (await backend.searchPeople({ limit: 5 })).items.find(
      (m) => m.person.id !== me.id,
    )!.person;
    const writeKey = key();
    const kudos = await backend.giveKudos(
      { to: [colleague.id], message: 'Once only' },
      { idempotencyKey: writeKey },
    );
    const posts = requests.filter((r) => r.method === 'POST' && r.url.endsWith('/kudos'));
    expect(posts).to.have.length(2);
    expect(posts.map((p) => p.headers.get('idempotency-key'))).to.deep.equal([writeKey, writeKey]);
    const after = await backend.listKudos({ from: me.id, limit: 100 });
    expect(after.items.filter((k) => k.message === 'Once only')).to.have.length(1);
    expect(after.items.length).to.equal(before.items.length + 1);
    expect(after.items[0].id).to.equal(kudos.id);
  });

  it('waits for Retry-After in seconds, then succeeds', async () => {
    worker.use(faults.throttled(`${endpoint}/kudos-values`, { retryAfter: '3', times: 1 }));
    const { fetch, requests } = countingFetch();
    const { waits, sleep } = recordingSleep();
    const backend = createRestBackend({ endpoint, fetch, sleep, retries: 3, random: () => 0 });
    expect(await backend.kudosValues()).to.deep.equal(await demo.kudosValues());
    expect(waits).to.deep.equal([3000]);
    expect(requests).to.have.length(2);
  });

  it('waits for Retry-After given as an HTTP date on a 503', async () => {
    const now = Date.parse('2026-11-26T21:00:00Z');
    worker.use(
      faults.unavailable(`${endpoint}/kudos-values`, {
        retryAfter: new Date(now + 5000).toUTCString(),
        times: 1,
      }),
    );
    const { waits, sleep } = recordingSleep();
    const backend = createRestBackend({ endpoint, sleep, retries: 3, random: () => 0, now: () => now });
    await backend.kudosValues();
    expect(waits).to.deep.equal([5000]);
  });

  it('does not storm a failing server: one try plus three retries', async () => {
    worker.use(faults.unavailable(`${endpoint}/kudos`, { method: 'get' }));
    const { fetch, requests } = countingFetch();
    const { sleep } = recordingSleep();
    const backend = createRestBackend({ endpoint, fetch, sleep, retries: 3 });
    const error = await rejection(backend.listKudos({}));
    expect(error.kind).to.equal('server');
    expect(requests).to.have.length(4);
  });

  it('refreshes the bearer token once after a 401', async () => {
    worker.use(
      http.get(`${endpoint}/kudos-values`, ({ request }) =>
        request.headers.get('Authorization') === 'Bearer fresh'
          ? HttpResponse.json({ items: ['Lef'] })
          : HttpResponse.json({ code: 'auth.expired', message: 'Token expired' }, { status: 401 }),
      ),
    );
    const asked: boolean[] = [];
    const backend = createRestBackend({
      endpoint,
      getToken: async ({ forceRefresh }) => {
        asked.push(forceRefresh);
        return forceRefresh ? 'fresh' : 'stale';
      },
    });
    expect(await backend.kudosValues()).to.deep.equal(['Lef']);
    expect(asked).to.deep.equal([false, true]);
  });

  it('sends the CSRF header from a function (WordPress nonce)', async () => {
    const { fetch, requests } = countingFetch();
    const backend = createRestBackend({
      endpoint,
      fetch,
      csrf: { header: 'X-WP-Nonce', value: async () => 'abc123' },
    });
    await backend.kudosValues();
    expect(requests[0].headers.get('x-wp-nonce')).to.equal('abc123');
  });

  it('turns malformed JSON, HTML pages, timeouts and offline into typed errors', async () => {
    const { sleep } = recordingSleep();
    // The default timeout for the answers that do come: a busy machine may take longer than a short
    // one to route a request through the service worker, and would turn "server" into "network".
    const backend = createRestBackend({ endpoint, sleep, retries: 0 });
    // A short timeout only where no answer ever comes (the fault never responds).
    const impatient = createRestBackend({ endpoint, sleep, retries: 0, timeoutMs: 50 });
    worker.use(faults.malformedJson(`${endpoint}/kudos-values`));
    expect((await rejection(backend.kudosValues())).code).to.equal('malformed-response');
    worker.resetHandlers();
    worker.use(faults.htmlError(`${endpoint}/kudos-values`));
    const html = await rejection(backend.kudosValues());
    expect(html.kind).to.equal('server');
    expect(html.message).to.equal('502 Bad Gateway');
    worker.resetHandlers();
    worker.use(faults.timeout(`${endpoint}/kudos-values`));
    const timeout = await rejection(impatient.kudosValues());
    expect([timeout.kind, timeout.code]).to.deep.equal(['network', 'timeout']);
    worker.resetHandlers();
    worker.use(faults.offline(`${endpoint}/kudos-values`));
    expect((await rejection(backend.kudosValues())).kind).to.equal('network');
    worker.resetHandlers();
    worker.use(faults.serverError(`${endpoint}/kudos-values`));
    const server = await rejection(backend.kudosValues());
    expect([server.kind, server.code, server.message]).to.deep.equal([
      'server',
      'server.error',
      'Something broke on the server.',
    ]);
  });

  it('maps contract errors to kinds with the server message', async () => {
    const backend = createRestBackend({ endpoint });
    const error = await rejection(backend.giveKudos({ to: [], message: '' }, { idempotencyKey: key() }));
    expect(error.kind).to.equal('invalid');
    expect(error.message).to.be.a('string').and.not.equal('');
  });

  it('queues activity with a keepalive fetch on pagehide, with the request header and the key', async () => {
    const sent: { url: string; init: RequestInit }[] = [];
    const fetch: FetchLike = async (input, init) => {
      sent.push({ url: String(input), init: init! });
      return new Response(null, { status: 202 });
    };
    const backend = createRestBackend({ endpoint, fetch });
    const events = [{ type: 'profile-opened' as const, actorId: 'x', at: new Date().toISOString() }];
    expect(backend.trackBeacon(events)).to.equal(true);
    expect(sent[0].url).to.equal('/api/kring/activity');
    expect(sent[0].init.keepalive).to.equal(true);
    const headers = new Headers(sent[0].init.headers);
    expect(headers.get('x-kring-request')).to.equal('1');
    expect(headers.get('idempotency-key')).to.be.a('string');
    const { actorId: _claimed, ...withoutActor } = events[0];
    expect(JSON.parse(String(sent[0].init.body)).events).to.deep.equal([withoutActor]);
    // With a token function the batch goes through `track`, which can wait for the token.
    expect(createRestBackend({ endpoint, fetch, getToken: () => 't' }).trackBeacon(events)).to.equal(false);
  });

  it('refuses the manager page figures to those the contract does not allow (403, forbidden)', async () => {
    const people = demo.demo.data.people;
    const member = people.find(
      (person) => person.isMember && !person.isManagement && person.id !== demo.demo.communityManagerId,
    )!;
    const management = people.find(
      (person) => person.isManagement && person.id !== demo.demo.communityManagerId,
    )!;
    const as = (id: string) =>
      createDemoBackend({
        persist: false,
        storage: null,
        now: new Date('2026-11-20T12:00:00Z'),
        currentUserId: id,
      });
    worker.use(...createRestHandlers({ endpoint, backend: as(member.id) }));
    const backend = createRestBackend({ endpoint });
    const metrics = await rejection(backend.metrics({ month: '2026-10' }));
    expect([metrics.kind, metrics.code]).to.deep.equal(['forbidden', 'metrics.forbidden']);
    const pioneers = await rejection(backend.pioneers({ limit: 3 }));
    expect([pioneers.kind, pioneers.code]).to.deep.equal(['forbidden', 'pioneers.forbidden']);
    worker.resetHandlers(...createRestHandlers({ endpoint, backend: as(management.id) }));
    expect((await backend.metrics({ month: '2026-10' })).month).to.equal('2026-10');
    expect((await rejection(backend.pioneers({ limit: 3 }))).kind).to.equal('forbidden');
  });

  it('records activity under the signed-in user, and refuses a cross-site batch without the request header', async () => {
    const recorded: ActivityEvent[] = [];
    const spied: Backend = { ...demo, track: async (events) => void recorded.push(...events) };
    worker.use(...createRestHandlers({ endpoint, backend: spied }));
    const me = await demo.currentUser();
    // What a form or a beacon on another site can send: cookies, text/plain, an actor of its choosing.
    const forged = await fetch(`${endpoint}/activity`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: JSON.stringify({
        events: [{ type: 'kudos-given', actorId: 'p00042', at: new Date().toISOString() }],
      }),
    });
    expect(forged.status).to.equal(403);
    expect(recorded).to.deep.equal([]);
    // The adapter's own batch carries no actor; the server fills in the session's.
    const backend = createRestBackend({ endpoint });
    await backend.track([
      { type: 'search', subject: 'excel', actorId: 'p00042', at: new Date().toISOString() },
    ]);
    expect(recorded.map((event) => [event.type, event.actorId])).to.deep.equal([['search', me.id]]);
  });
});
