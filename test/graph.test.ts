import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setupWorker } from 'msw/browser';
import '../src/index.js';
import { createDemoBackend } from '../src/backends/demo/index.js';
import {
  createGraphBackend,
  graphBackendFactory,
  type GraphBackendOptions,
} from '../src/backends/graph/index.js';
import { BackendConfigError, backendFactory } from '../src/backends/registry.js';
import { configure } from '../src/configure.js';
import { createClient } from '../src/client/community-client.js';
import type { KringProfileCard } from '../src/elements/profile-card/profile-card.js';
import type { KringWelcome } from '../src/elements/welcome/welcome.js';
import { createGraphHandlers } from '../mocks/graph/handlers.js';
import { bytesFromBase64, PhotoUrls } from '../src/backends/graph/photos.js';
import { DEFAULT_KUDOS_VALUES } from '../src/backends/lists/settings.js';
import type { Person } from '../src/model.js';
import { expectSearchWithoutMemberList, rejection, recordingSleep } from './helpers/assertions.js';
import { avatarShows } from './helpers/photos-later.js';

const demo = createDemoBackend({ persist: false, storage: null, now: new Date('2026-11-20T12:00:00Z') });
const graph = createGraphHandlers({ backend: demo, siteUrl: 'https://contoso.sharepoint.com/sites/kring' });
const worker = setupWorker(...graph.handlers);
const siteUrl = 'https://contoso.sharepoint.com/sites/kring';

function backendWith(options: Partial<GraphBackendOptions> = {}) {
  const { waits, sleep } = recordingSleep();
  const tokenCalls: boolean[] = [];
  const backend = createGraphBackend({
    getToken: async ({ forceRefresh }) => {
      tokenCalls.push(forceRefresh);
      return forceRefresh ? 'fresh-token' : 'first-token';
    },
    sleep,
    random: () => 0,
    ...options,
  });
  return { backend, waits, tokenCalls };
}

/** People by sign-in name, in directory order (index 0, 4, 8… have no photo in the mock). */
const upn = (index: number) => String(graph.users[index].userPrincipalName).toLowerCase();
const upns = (count: number, from = 0) => Array.from({ length: count }, (_, i) => upn(from + i));

/** The records a backend sends after answering (the photos that follow the names), by person id. */
function watchPhotos(backend: {
  watchPeople?: (listener: (people: readonly Person[]) => void) => () => void;
}) {
  const sent = new Map<string, Person>();
  backend.watchPeople!((people) => people.forEach((person) => sent.set(person.id, person)));
  return {
    sent,
    arrived: (count: number) =>
      waitUntil(() => sent.size >= count, `${count} photos arrived`, { timeout: 5000 }),
  };
}

describe('Graph backend over msw', () => {
  before(async () => {
    await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
  });
  beforeEach(() => graph.reset());
  after(() => worker.stop());

  it('the registry factory needs a token function, with a clear message', async () => {
    expect(() => graphBackendFactory({})).to.throw(BackendConfigError, /Kring\.configure\(\{ getToken \}\)/);
    const registered = backendFactory('graph');
    expect(registered, 'registered as a built-in backend').to.be.a('function');
    let thrown: unknown;
    try {
      await registered!({});
    } catch (error) {
      thrown = error;
    }
    expect(thrown).to.be.instanceOf(BackendConfigError);
    const configured = await registered!({ getToken: async () => 't', graph: { community: siteUrl } });
    expect(configured.name).to.equal('graph');
    expect(configured.capabilities.kudos, 'the lists site comes from Kring.configure({ graph })').to.equal(
      true,
    );
  });

  it('reports honest capabilities: people only without a site, everything with one', () => {
    expect(backendWith().backend.capabilities).to.include({ search: true, kudos: false, invites: false });
    const withSite = backendWith({ sites: { community: siteUrl } }).backend;
    expect(withSite.capabilities).to.include({
      kudos: true,
      invites: true,
      metrics: true,
      manageBadges: false,
    });
  });

  it('reads /me with only the card fields selected', async () => {
    const { backend } = backendWith();
    const me = await backend.currentUser();
    expect(me.id).to.equal(String(graph.me.userPrincipalName).toLowerCase());
    expect(me.name).to.equal(graph.me.displayName);
    // One request: the /me part and its photo part share a batch.
    expect(graph.requests).to.have.length(1);
    const mePart = graph.parts.find((p) => p.url.startsWith('/me?'))!;
    expect(new URL(mePart.url, 'https://x').searchParams.get('$select')).to.equal(
      'id,displayName,mail,userPrincipalName,jobTitle,department,officeLocation',
    );
    expect(graph.parts.map((p) => p.url)).to.include('/me/photos/96x96/$value');
  });

  it('splits look-ups into $batch requests of at most 20 parts, with in-filters of at most 15', async () => {
    const { backend } = backendWith();
    const photos = watchPhotos(backend);
    const ids = upns(45);
    const people = await backend.getPeople(ids);
    expect(people.map((p) => p?.id)).to.deep.equal(ids);
    // The names come first: the 3 filter parts and 17 photo parts fill the first batch; it answers alone.
    expect(graph.batchSizes).to.deep.equal([20]);
    expect(people.every((person) => person!.photoPending === true)).to.equal(true);
    await photos.arrived(45);
    // 45 people: 3 filter parts + 45 photo parts = 48 parts → 20 + 20 + 8.
    // 48 parts in batches of 20 ([20, 20, 8]), then the largest photo of the people without a 96×96 one (a
    // second ask before "no photo": every 4th mock person has none at all): 12 more parts in one batch, sent
    // once every sized answer is in.
    expect(graph.batchSizes.reduce((sum, size) => sum + size, 0)).to.equal(60);
    expect(Math.max(...graph.batchSizes)).to.equal(20);
    expect(graph.requests).to.have.length(4);
    const filters = graph.parts.filter((p) => p.url.startsWith('/users?$filter='));
    expect(filters).to.have.length(3);
    for (const part of filters) {
      const filter = new URL(part.url, 'https://x').searchParams.get('$filter')!;
      expect(filter.split(',').length).to.be.at.most(15);
      expect(new URL(part.url, 'https://x').searchParams.get('$select')).to.not.include('aboutMe');
    }
  });

  it('packs concurrent look-ups (the client sends chunks of 100) into shared batches', async () => {
    const { backend } = backendWith();
    const photos = watchPhotos(backend);
    const [first, second] = await Promise.all([
      backend.getPeople(upns(100)),
      backend.getPeople(upns(100, 100)),
    ]);
    expect([...first, ...second].every((p) => p !== null)).to.equal(true);
    expect(graph.requests, 'all 200 names in the first batch').to.have.length(1);
    // The names wait for no photo: 14 + 6 photos would cost as many batches as 14 alone (200 photos fill 10).
    expect(
      graph.parts.filter((p) => p.batch === 0).map((p) => p.url.split('?')[0]),
      'the first batch holds the name filters only',
    ).to.deep.equal(Array(14).fill('/users'));
    await photos.arrived(200);
    // 200 photos + 14 filters = 214 parts → 11 batches. 50 people have no 96×96 photo (every 4th mock person
    // has none at all): the first 20 are asked for their largest photo, one batch; all 20 answer 404, so the
    // directory has no small photos and the other 30 show initials without a second ask.
    expect(graph.requests).to.have.length(12);
    expect(Math.max(...graph.batchSizes)).to.be.at.most(20);
    expect(graph.parts.filter((p) => p.url.endsWith('/photo/$value'))).to.have.length(20);
    const people = [...photos.sent.values()];
    expect(people.filter((person) => person.photoUrl === undefined)).to.have.length(50);
    expect(people.filter((person) => person.photoUrl?.startsWith('blob:'))).to.have.length(150);
    expect(people.some((person) => person.photoPending)).to.equal(false);
  });

  it('once a second ask finds a small photo, everyone without a 96x96 one is asked for their largest', async () => {
    const small = createGraphHandlers({ backend: demo, siteUrl, smallPhotoEvery: 2 });
    worker.use(...small.handlers);
    try {
      const { backend } = backendWith();
      const photos = watchPhotos(backend);
      // 60 people: 30 with only a small photo (odd indexes), 15 with none (0, 4, 8…): 45 second asks.
      await backend.getPeople(upns(60));
      await photos.arrived(60);
      const people = [...photos.sent.values()];
      expect(people.filter((person) => person.photoUrl?.startsWith('blob:'))).to.have.length(45);
      expect(small.parts.filter((p) => p.url.endsWith('/photo/$value'))).to.have.length(45);
    } finally {
      worker.resetHandlers(...graph.handlers);
    }
  });

  it('schedules by tasks, never by frames: batches and photos go out on a page that paints nothing', async () => {
    const original = window.requestAnimationFrame;
    let frameRequests = 0;
    // A tab that paints no frames: a frame callback would never run.
    window.requestAnimationFrame = () => ++frameRequests;
    try {
      const { backend } = backendWith();
      const photos = watchPhotos(backend);
      const [me, people] = await Promise.all([backend.currentUser(), backend.getPeople(upns(45, 1))]);
      expect(me.name).to.equal(graph.me.displayName);
      expect(people.every((person) => person !== null)).to.equal(true);
      await photos.arrived(45);
      // The user rode in the names' batch.
      expect(graph.parts.filter((p) => p.batch === 0).map((p) => p.url)).to.include.members([
        graph.parts.find((p) => p.url.startsWith('/me?'))!.url,
        '/me/photos/96x96/$value',
      ]);
      expect(frameRequests, 'frames asked for').to.equal(0);
    } finally {
      window.requestAnimationFrame = original;
    }
  });

  it('matches responses that come back in any order to the right people', async () => {
    const { backend } = backendWith();
    const photos = watchPhotos(backend);
    const ids = upns(19, 1);
    const people = await backend.getPeople(ids);
    // The last photo goes out after the names' batch; it must not spill into the next test.
    await photos.arrived(19);
    expect(people.map((p) => p?.name)).to.deep.equal(
      ids.map((id) => graph.users.find((u) => String(u.userPrincipalName).toLowerCase() === id)!.displayName),
    );
    // The mock shuffles every batch; with 19 + 2 parts some answer must be out of order.
    expect(graph.batchSizes.length).to.be.greaterThan(0);
  });

  it('retries only the throttled parts, alone, after the longest Retry-After among them', async () => {
    const { backend, waits } = backendWith({ retries: 3 });
    const photos = watchPhotos(backend);
    const ids = upns(6, 1);
    const slowPhoto = `/users/${encodeURIComponent(ids[1])}/photos/96x96/$value`;
    graph.fail({
      status: 429,
      retryAfter: '2.128',
      match: (r) => r.inBatch && r.path === decodeURIComponent(slowPhoto),
    });
    graph.fail({
      status: 503,
      retryAfter: '0.5',
      match: (r) => r.inBatch && r.path.startsWith('/users') && !r.path.includes('photos'),
    });
    const people = await backend.getPeople(ids);
    expect(people.map((p) => p?.id)).to.deep.equal(ids);
    await photos.arrived(6);
    expect(photos.sent.get(ids[1])!.photoUrl, 'the retried photo arrived').to.match(/^blob:/);
    expect(waits).to.deep.equal([2128]);
    // Then one part: the largest photo of the person without a 96×96 one (ids[3], a mock person with none).
    expect(graph.batchSizes).to.deep.equal([7, 2, 1]);
    const retried = graph.parts.filter((p) => p.batch === 1).map((p) => p.url);
    expect(retried).to.have.length(2);
    expect(retried.some((url) => url.includes('photos'))).to.equal(true);
    expect(retried.some((url) => url.startsWith('/users?$filter='))).to.equal(true);
  });

  it('honours a fractional Retry-After on a throttled $batch request', async () => {
    const { backend, waits } = backendWith({ retries: 3 });
    graph.fail({ status: 429, retryAfter: '0.75', match: (r) => r.path === '/$batch' });
    const [person] = await backend.getPeople([upn(2)]);
    expect(person?.id).to.equal(upn(2));
    expect(waits).to.deep.equal([750]);
    expect(graph.requests).to.have.length(2);
  });

  it('turns photos into object URLs, and a 404 into initials (no photo URL)', async () => {
    const { backend } = backendWith();
    const photos = watchPhotos(backend);
    const first = await backend.getPeople([upn(4), upn(5)]);
    expect(first.map((person) => person!.photoPending)).to.deep.equal([true, true]);
    await photos.arrived(2);
    const withoutPhoto = photos.sent.get(upn(4))!;
    const withPhoto = photos.sent.get(upn(5))!;
    expect(withoutPhoto.photoUrl).to.equal(undefined);
    expect(withoutPhoto.photoPending).to.equal(undefined);
    expect(withoutPhoto.name, 'the whole record, not only the photo').to.equal(first[0]!.name);
    expect(withPhoto.photoUrl).to.match(/^blob:/);
    const image = new Image();
    image.src = withPhoto.photoUrl!;
    await image.decode();
    expect(image.naturalWidth, 'the 96×96 photo').to.equal(96);
    // Known photos (and known absences) are not asked for again, and come with the names.
    graph.reset();
    const again = await backend.getPeople([upn(4), upn(5)]);
    expect(graph.parts.filter((p) => p.url.includes('photos'))).to.have.length(0);
    expect(again.map((person) => person!.photoUrl)).to.deep.equal([undefined, withPhoto.photoUrl]);
    expect(again.some((person) => person!.photoPending)).to.equal(false);
    backend.dispose();
  });

  it('stops on dispose: photos still queued are not asked for, and none is announced', async () => {
    let requests = 0;
    const { backend } = backendWith({
      fetch: (input, init) => {
        requests++;
        return fetch(input, init);
      },
    });
    const photos = watchPhotos(backend);
    // 30 people: the first batch carries the names and 18 photos, the other 12 photos wait behind it.
    const people = await backend.getPeople(upns(30, 40));
    expect(people.every((person) => person?.photoPending)).to.equal(true);
    const sentBefore = requests;
    backend.dispose();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(requests, 'the waiting photo batch was dropped').to.equal(sentBefore);
    expect(photos.sent.size, 'nothing announced after dispose').to.equal(0);
    expect((await rejection(backend.getPeople([upn(1)]))).kind).to.equal('aborted');
  });

  it('asks for a photo once even when the person is asked for again before the photo is stored', async () => {
    const photoParts: string[] = [];
    const { backend } = backendWith({
      fetch: async (input, init) => {
        const body =
          typeof init?.body === 'string' ? (JSON.parse(init.body) as { requests?: { url: string }[] }) : {};
        for (const part of body.requests ?? []) if (part.url.includes('/photos/')) photoParts.push(part.url);
        return fetch(input, init);
      },
    });
    const photos = watchPhotos(backend);
    const [first] = await backend.getPeople([upn(21)]);
    expect(first!.photoPending, 'the photo answered with the name is stored in a later task').to.equal(true);
    // Asked again at once, before that task: the answer already here serves it.
    const [again] = await backend.getPeople([upn(21)]);
    expect(again!.name).to.equal(first!.name);
    await photos.arrived(1);
    expect(photos.sent.get(upn(21))!.photoUrl).to.match(/^blob:/);
    expect(photoParts, 'one photo part').to.have.length(1);
    backend.dispose();
  });

  it('releases photo object URLs when replaced, when over capacity and on dispose', () => {
    const revoked: string[] = [];
    let made = 0;
    const urls = new PhotoUrls(
      2,
      () => `blob:test/${++made}`,
      (url) => revoked.push(url),
    );
    const photo = btoa('bytes');
    urls.storeBase64(['a', 'a-id'], photo);
    urls.storeBase64(['a'], photo);
    expect(revoked, 'still held under a-id').to.deep.equal([]);
    urls.storeBase64(['b'], photo);
    expect(revoked, 'a-id (blob 1) fell out of the two most recent').to.deep.equal(['blob:test/1']);
    urls.storeNone(['c']);
    expect(urls.get('c')).to.equal(null);
    expect(urls.get('zzz')).to.equal(undefined);
    urls.releaseAll();
    expect(revoked).to.have.members(['blob:test/1', 'blob:test/2', 'blob:test/3']);
    expect(urls.size).to.equal(0);
  });

  it('decodes photo bytes with the browser decoder and without it, and keeps initials for text that is not base64', async () => {
    const bytes = Uint8Array.from({ length: 300 }, (_, index) => (index * 7919) & 255);
    const base64 = btoa(String.fromCharCode(...bytes));
    expect([...bytesFromBase64(base64)]).to.deep.equal([...bytes]);
    expect([...bytesFromBase64(base64, null)], 'atob and a loop').to.deep.equal([...bytes]);
    const urls = new PhotoUrls(10);
    const url = urls.storeBase64(['p'], base64, 'image/png');
    expect([...new Uint8Array(await (await fetch(url!)).arrayBuffer())]).to.deep.equal([...bytes]);
    expect(urls.storeBase64(['q'], '%%% not base64 %%%'), 'no photo: initials').to.equal(null);
    urls.close();
  });

  it('finds people by a mail address that is not their sign-in name, and their photo by id', async () => {
    const { backend } = backendWith();
    const photos = watchPhotos(backend);
    const user = graph.users[9];
    const original = user.mail;
    user.mail = 'd.alias@kring-demo.example';
    try {
      const [person] = await backend.getPeople(['D.Alias@kring-demo.example']);
      expect(person?.id).to.equal(upn(9));
      await photos.arrived(1);
      expect(photos.sent.get(upn(9))?.photoUrl).to.match(/^blob:/);
      const filters = graph.parts.filter((p) => p.url.startsWith('/users?$filter='));
      expect(
        filters.map((p) => new URL(p.url, 'https://x').searchParams.get('$filter')!.split(' ')[0]),
      ).to.deep.equal(['userPrincipalName', 'mail']);
    } finally {
      user.mail = original;
    }
  });

  it('a photo smaller than 96x96 (on-premises AD) is fetched from /photo/$value, not taken for "no photo"', async () => {
    const small = createGraphHandlers({ backend: demo, siteUrl, smallPhotoEvery: 2 });
    worker.use(...small.handlers);
    const requested: string[] = [];
    const { backend } = backendWith({
      fetch: async (input, init) => {
        const body = typeof init?.body === 'string' ? init.body : '';
        requested.push(...[...body.matchAll(/"url":"([^"]+)"/g)].map((found) => found[1]));
        return fetch(input, init);
      },
    });
    try {
      // Index 1 has only a small photo; index 0 has none at all (every 4th, the mock's default).
      const [smallOnly] = await backend.getPeople([upn(1)], { details: true });
      expect(smallOnly?.photoUrl).to.match(/^blob:/);
      expect(requested.some((url) => url.includes('/photos/96x96/'))).to.equal(true);
      expect(requested.some((url) => url.endsWith('/photo/$value'))).to.equal(true);
      const [none] = await backend.getPeople([upn(0)], { details: true });
      expect(none?.photoUrl).to.equal(undefined);
    } finally {
      worker.resetHandlers(...graph.handlers);
    }
  });

  it('without the Kring lists still opens cards with the directory data, one console error naming the fix', async () => {
    const bare = createGraphHandlers({ backend: demo, siteUrl, provisioned: false });
    worker.use(...bare.handlers);
    const { backend } = backendWith({ sites: { community: siteUrl } });
    const logged: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => logged.push(args.map(String).join(' '));
    try {
      const [opened] = await backend.getPeople([upn(3)], { details: true });
      expect(opened?.name).to.equal(graph.users[3].displayName);
      expect(opened?.skills.every((skill) => skill.endorsements === 0)).to.equal(true);
      await backend.getPeople([upn(5)], { details: true });
    } finally {
      console.error = original;
      worker.resetHandlers(...graph.handlers);
    }
    expect(logged).to.have.length(1);
    expect(logged[0]).to.contain('provisionSharePointLists');
  });

  it('fetches no details (skills, about) until a card is opened', async () => {
    const { backend } = backendWith();
    const people = await backend.getPeople(upns(30, 1));
    expect(people.every((p) => p!.summaryOnly === true && p!.skills.length === 0 && !p!.about)).to.equal(
      true,
    );
    expect(graph.requests.every((r) => !new URL(r.url).pathname.startsWith('/beta'))).to.equal(true);
    expect(graph.parts.some((p) => p.url.includes('profile/skills') || p.url.includes('aboutMe'))).to.equal(
      false,
    );

    const [opened] = await backend.getPeople([upn(3)], { details: true });
    const record = demo.demo.data.people.find((p) => p.email.toLowerCase() === upn(3))!;
    expect(opened!.summaryOnly).to.equal(undefined);
    expect(opened!.about).to.equal(record.about);
    expect(opened!.skills.map((s) => s.name)).to.deep.equal(record.skills.map((s) => s.name));
    expect(opened!.skills.map((s) => s.level)).to.deep.equal(record.skills.map((s) => s.level));
    expect(opened!.skills.map((s) => s.tags)).to.deep.equal(record.skills.map((s) => [...new Set(s.tags)]));
    expect(graph.requests.some((r) => new URL(r.url).pathname === '/beta/$batch')).to.equal(true);
  });

  it('the client keeps an opened person’s details when a summary refresh arrives', async () => {
    const { backend } = backendWith();
    let lookupsAnswered = 0;
    const counted: typeof backend = Object.assign(Object.create(backend) as typeof backend, {
      getPeople: async (...args: Parameters<typeof backend.getPeople>) => {
        const people = await backend.getPeople(...args);
        lookupsAnswered += 1;
        return people;
      },
    });
    const client = createClient(counted, { ttlMs: 0, storage: null, tracking: false, eventTarget: null });
    try {
      const id = upn(3);
      expect((await client.person(id))!.skills).to.deep.equal([]);
      const opened = await client.person(id, { details: true });
      expect(opened!.skills.length).to.be.greaterThan(0);
      expect(lookupsAnswered).to.equal(2);
      // Stale at once (ttl 0): served from cache and refreshed with a summary in the background.
      await client.person(id);
      await waitUntil(() => lookupsAnswered === 3, 'the summary refresh was answered');
      expect(client.peekPerson(id)!.skills.map((s) => s.name)).to.deep.equal(
        opened!.skills.map((s) => s.name),
      );
      expect(client.peekPerson(id)!.about).to.equal(opened!.about);
    } finally {
      client.dispose();
    }
  });

  it('still shows everything else when the beta skills call fails', async () => {
    const { backend } = backendWith();
    graph.betaAvailable = false;
    const [person] = await backend.getPeople([upn(3)], { details: true });
    expect(person!.name).to.equal(graph.users[3].displayName);
    expect(person!.about).to.be.a('string').and.not.equal('');
    expect(person!.skills).to.deep.equal([]);
  });

  it('refreshes the token once after a 401, and gives up after a second 401', async () => {
    graph.acceptToken = 'fresh-token';
    const { backend, tokenCalls } = backendWith();
    const me = await backend.currentUser();
    expect(me.name).to.equal(graph.me.displayName);
    expect(tokenCalls.slice(0, 2)).to.deep.equal([false, true]);

    graph.reset();
    graph.acceptToken = 'never-issued';
    const other = backendWith();
    const error = await rejection(other.backend.currentUser());
    expect(error.kind).to.equal('auth');
    expect(other.tokenCalls).to.deep.equal([false, true]);
    expect(graph.requests).to.have.length(2);
  });

  it('names the missing Graph permission on 403', async () => {
    const { backend } = backendWith({ sites: { community: graph.siteId } });
    graph.fail({ status: 403, times: 5, match: (r) => r.inBatch && r.path === '/users' });
    const people = await rejection(backend.getPeople(upns(3, 1)));
    expect(people.kind).to.equal('forbidden');
    expect(people.message).to.contain('missing permission User.Read.All');
    expect(people.message).to.contain('administrator');

    graph.fail({ status: 403, match: (r) => r.path.includes('/lists/') });
    const read = await rejection(backend.listKudos({ limit: 3 }));
    expect(read.message).to.contain('Sites.Read.All');

    graph.fail({ status: 403, match: (r) => r.method === 'POST' && r.path.includes('/lists/') });
    const write = await rejection(
      backend.giveKudos({ to: [upn(7)], message: 'Dank je!' }, { idempotencyKey: `k-${Date.now()}` }),
    );
    expect(write.message).to.contain('missing permission Sites.ReadWrite.All');
  });

  it('searches with ConsistencyLevel: eventual, $count and displayName/jobTitle clauses, and pages by nextLink', async () => {
    const { backend } = backendWith();
    const first = await backend.searchPeople({ text: 'an', limit: 5 });
    const request = graph.requests.find((r) => new URL(r.url).pathname === '/v1.0/users')!;
    expect(request.headers.get('ConsistencyLevel')).to.equal('eventual');
    const params = new URL(request.url).searchParams;
    expect(params.get('$search')).to.equal('"displayName:an" OR "jobTitle:an"');
    expect(params.get('$count')).to.equal('true');
    expect(first.items).to.have.length(5);
    expect(first.total).to.be.greaterThan(5);
    expect(first.next).to.be.a('string');
    // Names and job titles only: the finder must not read an empty answer as "nobody knows it".
    expect(first.skillsSearched).to.equal(false);
    const second = await backend.searchPeople({ text: 'an', cursor: first.next });
    expect(second.items[0].person.id).to.not.equal(first.items[0].person.id);
    const nextRequest = graph.requests.filter((r) => new URL(r.url).pathname === '/v1.0/users')[1];
    expect(nextRequest.headers.get('ConsistencyLevel')).to.equal('eventual');
  });

  it('the imitation can answer demo ids, so demo pages switch to backend="graph" unchanged', async () => {
    const [unknown] = await backendWith().backend.getPeople([demo.demo.data.people[2].id]);
    expect(unknown, 'real Graph knows no demo ids').to.equal(null);
    const aliased = createGraphHandlers({ backend: demo, demoIdAliases: true });
    worker.use(...aliased.handlers);
    try {
      const { backend } = backendWith();
      const record = demo.demo.data.people[2];
      const [person] = await backend.getPeople([record.id]);
      expect(person?.name).to.equal(record.name);
      expect(person?.id).to.equal(record.email.toLowerCase());
    } finally {
      worker.resetHandlers();
    }
  });

  it('narrows a search to community members when a site holds the member list', async () => {
    const { backend } = backendWith({ sites: { community: siteUrl } });
    const memberIds = new Set(
      demo.demo.data.people.filter((p) => p.isMember).map((p) => p.email.toLowerCase()),
    );
    const result = await backend.searchPeople({ text: 'a', membersOnly: true, limit: 50 });
    expect(result.items.length).to.be.greaterThan(0);
    for (const match of result.items) {
      expect(memberIds.has(match.person.id), match.person.id).to.equal(true);
      expect(match.person.isMember).to.equal(true);
    }
    const everyone = await backend.searchPeople({ text: 'a', limit: 50 });
    expect(everyone.items.some((match) => match.person.isMember === false)).to.equal(true);
  });

  it('answers a search without waiting for photos; they follow with the membership kept', async () => {
    const { backend } = backendWith({ sites: { community: siteUrl } });
    const photos = watchPhotos(backend);
    const result = await backend.searchPeople({ text: 'a', limit: 6 });
    expect(result.items).to.have.length(6);
    // None of these photos was known: the results came back before any of them.
    expect(result.items.every((match) => match.person.photoPending === true)).to.equal(true);
    await photos.arrived(6);
    for (const { person } of result.items) {
      const later = photos.sent.get(person.id)!;
      expect(later.photoPending, person.id).to.equal(undefined);
      expect(later.isMember, 'membership comes along').to.equal(person.isMember);
      expect(later.joinedAt).to.equal(person.joinedAt);
    }
    expect([...photos.sent.values()].some((person) => person.photoUrl?.startsWith('blob:'))).to.equal(true);
    // Photos now known come with the results.
    const again = await backend.searchPeople({ text: 'a', limit: 6 });
    expect(again.items.some((match) => match.person.photoPending)).to.equal(false);
    backend.dispose();
  });

  it('answers a plain search when the member list cannot be read; a members-only search says why', async () => {
    const { backend } = backendWith({ sites: { community: siteUrl } });
    graph.fail({
      status: 500,
      times: 100,
      match: (r) => decodeURIComponent(r.path).includes('Kring Members'),
    });
    await expectSearchWithoutMemberList(backend);
    backend.dispose();
  });

  it('makes invitation links that carry the token where <kring-welcome> looks for it', async () => {
    const { backend } = backendWith({ sites: { community: siteUrl } });
    const link = await backend.createInviteLink({ idempotencyKey: `link-${Date.now()}` });
    const welcome = document.createElement('kring-welcome') as KringWelcome;
    expect(new URL(link.url).searchParams.get(welcome.tokenParam)).to.equal(link.token);
    expect((await backend.lookupInvite(link.token)).state).to.equal('valid');
    backend.dispose();
  });

  it('offers the default kudos values or the ones given, and invitation links through the inviteUrl given', async () => {
    const plain = backendWith({ sites: { community: siteUrl } }).backend;
    expect(await plain.kudosValues()).to.deep.equal(DEFAULT_KUDOS_VALUES);
    plain.dispose();
    const own = backendWith({
      sites: { community: siteUrl },
      kudosValues: ['Lef', 'Zorg'],
      inviteUrl: (token) => `https://intranet.example/join#${token}`,
    }).backend;
    expect(await own.kudosValues()).to.deep.equal(['Lef', 'Zorg']);
    const link = await own.createInviteLink({ idempotencyKey: `own-link-${Date.now()}` });
    expect(link.url).to.equal(`https://intranet.example/join#${link.token}`);
    own.dispose();
  });

  it('reads community lists with expand=fields and follows @odata.nextLink across pages', async () => {
    const { backend } = backendWith({ sites: { community: siteUrl } });
    const pages = [await backend.listKudos({ limit: 4 })];
    pages.push(await backend.listKudos({ limit: 4, cursor: pages[0].next }));
    pages.push(await backend.listKudos({ limit: 4, cursor: pages[1].next }));
    const ids = pages.flatMap((page) => page.items.map((k) => k.id));
    expect(ids).to.have.length(12);
    expect(new Set(ids).size).to.equal(12);
    const listRequests = graph.requests.filter((r) => r.url.includes('/lists/'));
    expect(new URL(listRequests[0].url).searchParams.get('expand')).to.equal('fields');
    expect(listRequests[1].url).to.equal(pages[0].next);
    // The site URL was resolved to its Graph id once.
    expect(graph.requests.filter((r) => new URL(r.url).pathname.includes(':/sites/'))).to.have.length(1);
  });

  it('writes list items with { fields }, same layout as the SharePoint adapter, never twice per key', async () => {
    const { backend } = backendWith({ sites: { community: graph.siteId } });
    const key = `kudos-${Date.now()}`;
    const given = await backend.giveKudos(
      { to: [upn(7)], message: 'Top presentatie!', value: 'Lef' },
      { idempotencyKey: key },
    );
    expect(given.from).to.equal(String(graph.me.userPrincipalName).toLowerCase());
    expect(given.to).to.deep.equal([upn(7)]);
    const again = await backend.giveKudos(
      { to: [upn(7)], message: 'Top presentatie!', value: 'Lef' },
      { idempotencyKey: key },
    );
    expect(again.id).to.equal(given.id);
    expect(graph.requests.filter((r) => r.method === 'POST' && r.url.includes('/lists/'))).to.have.length(1);
    const reacted = await backend.react(given.id, 'celebrate', true, { idempotencyKey: `${key}-r` });
    expect(reacted.reactions).to.deep.equal([{ type: 'celebrate', count: 1, reactedByMe: true }]);
    const patch = graph.requests.find((r) => r.method === 'PATCH')!;
    expect(new URL(patch.url).pathname).to.match(/\/items\/\d+\/fields$/);
    expect(patch.headers.get('If-Match')).to.match(/^".+,\d+"$/);
  });

  it('200 profile cards and a "me" card in <kring-community backend="graph"> make at most 12 requests', async () => {
    configure({ getToken: async () => 'token' });
    try {
      const ids = upns(200, 1);
      const page = await fixture<HTMLElement>(html`
        <kring-community backend="graph">
          <kring-profile-card person="me" class="me"></kring-profile-card>
          ${ids.map((id) => html`<kring-profile-card person=${id}></kring-profile-card>`)}
        </kring-community>
      `);
      const cards = [...page.querySelectorAll<KringProfileCard>('kring-profile-card:not(.me)')];
      const meCard = page.querySelector<KringProfileCard>('kring-profile-card.me')!;
      const shownName = (card: KringProfileCard) =>
        card.shadowRoot?.querySelector('[part="name"]')?.textContent?.trim() ?? '';
      await waitUntil(
        () => [meCard, ...cards].every((card) => shownName(card) !== ''),
        'every card shows a name',
        {
          timeout: 8000,
        },
      );
      expect(shownName(meCard)).to.equal(graph.me.displayName);
      expect(shownName(cards[0])).to.equal(graph.users[1].displayName);
      expect(shownName(cards[199])).to.equal(graph.users[200].displayName);
      // The photos follow the names. Card 3 is person 4, who has no photo: initials instead.
      const avatarShown = (card: KringProfileCard) =>
        ['photo', 'initials'].includes(avatarShows(card.shadowRoot!.querySelector('[part="avatar"]')!));
      await waitUntil(() => cards.every(avatarShown), 'every photo or initials shown', { timeout: 8000 });
      expect(cards[3].shadowRoot!.querySelector('[part="avatar"] img')).to.equal(null);
      expect(
        cards[3].shadowRoot!.querySelector('[part="avatar"]')!.textContent!.trim(),
      ).to.have.length.greaterThan(0);
      expect(cards[0].shadowRoot!.querySelector('[part="avatar"] img')!.getAttribute('src')).to.match(
        /^blob:/,
      );
      // `/me` and its photo ride in the first batch with the names: 216 parts in 11 batches, then one batch
      // asking 20 of the 50 people without a 96×96 photo for their largest one (none has one).
      expect(graph.requests.length, graph.batchSizes.join(' ')).to.be.at.most(12);
      expect(graph.parts.some((p) => p.url.includes('profile/skills'))).to.equal(false);

      // Opening one card (the full view) fetches its details, and only its details.
      const before = graph.requests.length;
      cards[5].view = 'full';
      const record = demo.demo.data.people[6];
      await waitUntil(
        () => cards[5].shadowRoot!.querySelectorAll('[part="skill"]').length === record.skills.length,
        'the opened card shows the skills from Graph',
        { timeout: 5000 },
      );
      const added = graph.requests.slice(before).map((r) => new URL(r.url).pathname);
      expect(added).to.include('/beta/$batch');
      expect(graph.parts.filter((p) => p.url.includes('profile/skills')).map((p) => p.url)).to.deep.equal([
        `/users/${encodeURIComponent(upn(6))}/profile/skills`,
      ]);
      expect(cards[5].shadowRoot!.querySelector('[part="about"]')!.textContent).to.equal(record.about);
    } finally {
      configure({ getToken: undefined });
    }
  });
});
