import { expect, waitUntil } from '@open-wc/testing';
import { BackendError } from '../src/errors.js';
import type { ClientChange } from '../src/client/types.js';
import type { CallOptions } from '../src/backends/backend.js';
import {
  Deferred,
  FakeBackend,
  TestTimers,
  disposeClients,
  makePerson,
  newClient,
} from './helpers/client-fake-backend.js';
import type { Person } from '../src/model.js';
import { rejection } from './helpers/assertions.js';

afterEach(disposeClients);

describe('CommunityClient: records the backend sends later (watchPeople)', () => {
  it('replaces every cached copy, keeps loaded details, and tells the cards once', async () => {
    const backend = new FakeBackend(10);
    let send: ((people: readonly Person[]) => void) | undefined;
    let stopped = false;
    Object.assign(backend, {
      watchPeople(listener: (people: readonly Person[]) => void) {
        send = listener;
        return () => (stopped = true);
      },
    });
    const client = newClient(backend);
    const p3 = backend.people.get('p3')!;
    backend.people.set('p3', { ...p3, photoPending: true });
    // Asked for by e-mail address and by id: two cache entries for one person.
    await client.person('P3@example.nl');
    const detailed = await client.person('p2');
    const changes: ClientChange[] = [];
    client.subscribe((change) => changes.push(change));
    send!([
      { ...p3, photoUrl: 'blob:photo-3' },
      { ...detailed!, skills: [], summaryOnly: true, photoUrl: 'blob:photo-2' },
      makePerson('p9', { photoUrl: 'blob:never-asked' }),
    ]);
    expect(client.peekPerson('p3@example.nl')?.photoUrl).to.equal('blob:photo-3');
    expect(client.peekPerson('p3')?.photoPending).to.equal(undefined);
    expect(client.peekPerson('p2')?.photoUrl).to.equal('blob:photo-2');
    expect(client.peekPerson('p2')?.skills, 'a summary keeps the skills already loaded').to.deep.equal(
      detailed!.skills,
    );
    expect(client.peekPerson('p9'), 'nobody asked for p9: not cached').to.equal(undefined);
    expect(changes).to.deep.equal([{ topic: 'people', ids: ['p3', 'p2'] }]);
    expect(backend.calls('getPeople'), 'no new look-up').to.have.length(2);
    client.dispose();
    expect(stopped).to.equal(true);
  });
  it('also replaces the people in cached search results, so a finder re-reading them shows the photo', async () => {
    const backend = new FakeBackend(10);
    let send: ((people: readonly Person[]) => void) | undefined;
    Object.assign(backend, {
      watchPeople(listener: (people: readonly Person[]) => void) {
        send = listener;
        return () => undefined;
      },
    });
    const client = newClient(backend);
    for (const [id, person] of backend.people) backend.people.set(id, { ...person, photoPending: true });
    const first = await client.searchPeople({ text: 'Person' });
    expect(first.items.map((match) => match.person.photoPending)).to.include(true);
    const shown = first.items[1].person;
    send!([{ ...shown, photoPending: undefined, photoUrl: 'blob:photo' }]);
    const again = await client.searchPeople({ text: 'Person' });
    expect(backend.calls('searchPeople'), 'served from the cache').to.have.length(1);
    expect(again.items[1].person.photoUrl).to.equal('blob:photo');
    expect(again.items[1].person.photoPending).to.equal(undefined);
    expect(again.items[0].person.photoPending, 'the others are left as they were').to.equal(true);
    expect(client.peekPerson(shown.id)?.photoUrl).to.equal('blob:photo');
  });
});

describe('CommunityClient: people batching', () => {
  it('turns 200 person() calls into exactly one getPeople call with 200 ids', async () => {
    const backend = new FakeBackend(300);
    const client = newClient(backend, { batchWindowMs: 16, maxBatchSize: 500 });
    const ids = Array.from({ length: 200 }, (_, index) => `p${index + 1}`);
    const people = await Promise.all(ids.map((id) => client.person(id)));
    expect(backend.calls('getPeople')).to.have.length(1);
    expect(backend.calls('getPeople')[0].args[0]).to.deep.equal(ids);
    expect(people.map((person) => person?.id)).to.deep.equal(ids);
  });

  it('with a zero window, asks once for lookups made in separate microtasks of one task', async () => {
    const backend = new FakeBackend(300);
    const client = newClient(backend, { batchWindowMs: 0, maxBatchSize: 500 });
    // Like elements updating one after another: each asks in its own microtask, some after an await.
    const asked = Array.from({ length: 50 }, (_, index) =>
      Promise.resolve()
        .then(() => (index % 2 ? Promise.resolve() : undefined))
        .then(() => client.person(`p${index + 1}`)),
    );
    await Promise.all(asked);
    expect(backend.calls('getPeople')).to.have.length(1);
    expect(backend.calls('getPeople')[0].args[0]).to.have.length(50);
  });

  it('with a zero window, sends before the next frame without waiting for the timer (which a paint can delay)', async () => {
    const backend = new FakeBackend(20);
    // After a long task Chromium paints before it runs timers; a timer that has not fired stands for that.
    const timers: number[] = [];
    const client = newClient(backend, {
      batchWindowMs: 0,
      setTimeout: (_callback, ms) => timers.push(ms),
      clearTimeout: () => undefined,
    });
    const asked = Promise.all(['p1', 'p2', 'p3'].map((id) => client.person(id)));
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(timers, 'the zero window also set a timer, for hidden tabs').to.deep.equal([0]);
    expect(backend.calls('getPeople').map((call) => call.args[0])).to.deep.equal([['p1', 'p2', 'p3']]);
    expect((await asked).map((person) => person?.id)).to.deep.equal(['p1', 'p2', 'p3']);
  });

  it('splits a batch at maxBatchSize, one call per chunk, and fans results out', async () => {
    const backend = new FakeBackend(300);
    const client = newClient(backend, { maxBatchSize: 100 });
    const ids = Array.from({ length: 250 }, (_, index) => `p${index}`);
    const people = await client.people(ids);
    const sizes = backend.calls('getPeople').map((call) => (call.args[0] as string[]).length);
    expect(sizes).to.deep.equal([100, 100, 50]);
    expect(people[249]?.id).to.equal('p249');
  });

  it('asks for an id once however many callers want it', async () => {
    const backend = new FakeBackend();
    const client = newClient(backend);
    const [a, b, list] = await Promise.all([
      client.person('p1'),
      client.person('p1'),
      client.people(['p1', 'p2', 'p1']),
    ]);
    expect(backend.calls('getPeople')).to.have.length(1);
    expect(backend.calls('getPeople')[0].args[0]).to.deep.equal(['p1', 'p2']);
    expect(a).to.equal(b);
    expect(list.map((person) => person?.id)).to.deep.equal(['p1', 'p2', 'p1']);
  });

  it('joins a lookup already in flight instead of asking again', async () => {
    const backend = new FakeBackend();
    backend.peopleGate = new Deferred();
    const client = newClient(backend);
    const first = client.person('p3');
    await waitUntil(() => backend.calls('getPeople').length === 1);
    const second = client.person('p3');
    backend.peopleGate.resolve();
    expect((await first)?.id).to.equal('p3');
    expect((await second)?.id).to.equal('p3');
    expect(backend.calls('getPeople')).to.have.length(1);
  });

  it('answers null for an unknown id, next to known ones', async () => {
    const backend = new FakeBackend(5);
    const client = newClient(backend);
    const [unknown, known] = await client.people(['nobody', 'p1']);
    expect(unknown).to.equal(null);
    expect(known?.id).to.equal('p1');
    expect(client.peekPerson('nobody')).to.equal(undefined);
    expect(await client.person('nobody')).to.equal(null);
    expect(backend.calls('getPeople')).to.have.length(1);
  });

  it('finds people by e-mail and caches them under id and lower-cased e-mail', async () => {
    const backend = new FakeBackend();
    const client = newClient(backend);
    const person = await client.person('P7@Example.NL');
    expect(person?.id).to.equal('p7');
    expect(backend.calls('getPeople')[0].args[0]).to.deep.equal(['p7@example.nl']);
    expect(client.peekPerson('p7')?.name).to.equal('Person p7');
    expect(client.peekPerson('p7@example.nl')?.id).to.equal('p7');
    expect((await client.person('p7'))?.id).to.equal('p7');
    await client.person('p8');
    expect(client.peekPerson('P8@EXAMPLE.nl')?.id).to.equal('p8');
    expect((await client.person('p8@Example.nl'))?.id).to.equal('p8');
    expect(backend.calls('getPeople')).to.have.length(2);
  });

  it('resolves "me" through currentUser and caches it for peekPerson', async () => {
    const backend = new FakeBackend();
    const client = newClient(backend);
    expect(client.peekPerson('me')).to.equal(undefined);
    const [me, again] = await Promise.all([client.person('me'), client.currentUser()]);
    expect(me?.name).to.equal('Me Myself');
    expect(again).to.equal(me);
    expect(client.peekPerson('me')?.id).to.equal('p0');
    expect(client.peekPerson('p0')?.id).to.equal('p0');
    expect(await client.person('p0')).to.deep.equal(me);
    expect(backend.calls('currentUser')).to.have.length(1);
    expect(backend.calls('getPeople')).to.have.length(0);
  });
});

describe('CommunityClient: cache', () => {
  it('serves a second read from the cache without calling the backend', async () => {
    const backend = new FakeBackend();
    const client = newClient(backend);
    await client.person('p1');
    await client.person('p1');
    const first = await client.kudosValues();
    const second = await client.kudosValues();
    expect(second).to.equal(first);
    expect(backend.calls('getPeople')).to.have.length(1);
    expect(backend.calls('kudosValues')).to.have.length(1);
  });

  it('de-duplicates identical reads in flight, whatever the key order of the query', async () => {
    const backend = new FakeBackend();
    const client = newClient(backend);
    const [a, b] = await Promise.all([
      client.listKudos({ person: 'p1', limit: 10 }),
      client.listKudos({ limit: 10, person: 'p1' }),
    ]);
    expect(a).to.equal(b);
    expect(backend.calls('listKudos')).to.have.length(1);
    await client.listKudos({ person: 'p2', limit: 10 });
    expect(backend.calls('listKudos')).to.have.length(2);
  });

  it('returns a stale value at once, revalidates once in the background, then serves the fresh value', async () => {
    let now = 1_000_000;
    const backend = new FakeBackend();
    const client = newClient(backend, { now: () => now, ttlMs: 1_000, staleMs: 60_000 });
    const first = (await client.listKudos({})) as unknown as { version: number };
    expect(first.version).to.equal(1);
    now += 5_000;
    const stale = (await client.listKudos({})) as unknown as { version: number };
    expect(stale.version).to.equal(1);
    expect(backend.calls('listKudos')).to.have.length(2);
    await client.listKudos({});
    expect(backend.calls('listKudos')).to.have.length(2);
    await waitUntil(
      async () => ((await client.listKudos({})) as unknown as { version: number }).version === 2,
    );
    expect(backend.calls('listKudos')).to.have.length(2);
  });

  it('reloads (without serving it) a value older than staleMs', async () => {
    let now = 0;
    const backend = new FakeBackend();
    const client = newClient(backend, { now: () => now, ttlMs: 1_000, staleMs: 10_000 });
    await client.listKudos({});
    now = 20_000;
    const result = (await client.listKudos({})) as unknown as { version: number };
    expect(result.version).to.equal(2);
  });

  it('revalidates a stale person in the background and tells subscribers it changed', async () => {
    let now = 0;
    const backend = new FakeBackend();
    const client = newClient(backend, { now: () => now, ttlMs: 1_000, staleMs: 60_000 });
    const changes: ClientChange[] = [];
    client.subscribe((change) => changes.push(change));
    expect((await client.person('p4'))?.title).to.equal(undefined);
    backend.people.set('p4', makePerson('p4', { title: 'Adviseur' }));
    now = 5_000;
    expect((await client.person('p4'))?.title).to.equal(undefined);
    await waitUntil(() => changes.some((change) => change.topic === 'people'));
    expect(changes).to.deep.equal([{ topic: 'people', ids: ['p4'] }]);
    expect((await client.person('p4'))?.title).to.equal('Adviseur');
    expect(client.peekPerson('p4')?.title).to.equal('Adviseur');
    expect(backend.calls('getPeople')).to.have.length(2);
  });

  it('keeps search results only briefly and primes the people cache from them', async () => {
    let now = 0;
    const backend = new FakeBackend(10);
    const client = newClient(backend, { now: () => now, staleMs: 0 });
    const result = await client.searchPeople({ text: 'Person' });
    expect(result.items.length).to.be.greaterThan(0);
    expect(client.peekPerson(result.items[0].person.id)?.id).to.equal(result.items[0].person.id);
    now = 30_000;
    await client.searchPeople({ text: 'Person' });
    expect(backend.calls('searchPeople')).to.have.length(2);
    await client.kudosValues();
    now = 50_000;
    await client.kudosValues();
    expect(backend.calls('kudosValues')).to.have.length(1);
  });
});

describe('CommunityClient: read retries', () => {
  it('retries transient failures with backoff and honours retryAfterMs', async () => {
    const backend = new FakeBackend();
    const timers = new TestTimers(true);
    backend.failNext(
      'listKudos',
      new BackendError('server', 'Oops'),
      new BackendError('throttled', 'Slow down', { retryAfterMs: 5_000 }),
    );
    const client = newClient(backend, {
      setTimeout: timers.setTimeout,
      clearTimeout: timers.clearTimeout,
      random: () => 0.5,
      backoffBaseMs: 100,
    });
    const page = await client.listKudos({});
    expect(page.items).to.deep.equal([]);
    expect(backend.calls('listKudos')).to.have.length(3);
    // 1st retry: full jitter of 100 ms (0.5 → 50); 2nd: the server's 5 s beats jitter of 200 ms.
    expect(timers.delays).to.deep.equal([50, 5_000]);
  });

  it('gives up at once when the server asks to wait longer than backoffMaxMs', async () => {
    const backend = new FakeBackend();
    backend.failNext(
      'pioneers',
      new BackendError('throttled', 'Come back in a minute', { retryAfterMs: 60_000 }),
    );
    const client = newClient(backend, { backoffMaxMs: 30_000 });
    const error = await rejection(client.pioneers({ limit: 5 }));
    expect(error.kind).to.equal('throttled');
    expect(error.retryAfterMs).to.equal(60_000);
    expect(backend.calls('pioneers')).to.have.length(1);
  });

  it('does not retry an invalid request', async () => {
    const backend = new FakeBackend();
    backend.failNext('metrics', new BackendError('invalid', 'Bad month'));
    const client = newClient(backend, { backoffBaseMs: 1 });
    const error = await rejection(client.metrics({ month: 'nope' }));
    expect(error.kind).to.equal('invalid');
    expect(backend.calls('metrics')).to.have.length(1);
  });

  it('gives up after readRetries and rejects with the last error; the failure is not cached', async () => {
    const backend = new FakeBackend();
    const timers = new TestTimers(true);
    backend.failAlways('getPeople', new BackendError('network', 'Offline'));
    const client = newClient(backend, {
      readRetries: 2,
      setTimeout: timers.setTimeout,
      clearTimeout: timers.clearTimeout,
    });
    const error = await rejection(client.person('p1'));
    expect(error.kind).to.equal('network');
    expect(backend.calls('getPeople')).to.have.length(3);
    backend.recover('getPeople');
    expect((await client.person('p1'))?.id).to.equal('p1');
  });

  it('wraps non-BackendError failures so callers handle one type', async () => {
    const backend = new FakeBackend();
    backend.currentUser = () => Promise.reject(new TypeError('Failed to fetch'));
    const client = newClient(backend, { readRetries: 0 });
    const error = await rejection(client.currentUser());
    expect(error).to.be.instanceOf(BackendError);
    expect(error.kind).to.equal('network');
  });
});

describe('CommunityClient: abort', () => {
  it('rejects only the caller that aborted; the shared batch goes on for the others', async () => {
    const backend = new FakeBackend();
    backend.peopleGate = new Deferred();
    const client = newClient(backend);
    const controller = new AbortController();
    const leaving = client.person('p1', { signal: controller.signal });
    const staying = client.person('p1');
    const other = client.person('p2', { signal: new AbortController().signal });
    await waitUntil(() => backend.calls('getPeople').length === 1);
    controller.abort();
    const error = await rejection(leaving);
    expect(error.kind).to.equal('aborted');
    const batchSignal = (backend.calls('getPeople')[0].args[1] as CallOptions).signal!;
    expect(batchSignal.aborted).to.equal(false);
    backend.peopleGate.resolve();
    expect((await staying)?.id).to.equal('p1');
    expect((await other)?.id).to.equal('p2');
  });

  it('cancels the batch only when every caller in it aborted', async () => {
    const backend = new FakeBackend();
    backend.peopleGate = new Deferred();
    const client = newClient(backend);
    const one = new AbortController();
    const two = new AbortController();
    const first = client.person('p1', { signal: one.signal });
    const second = client.person('p2', { signal: two.signal });
    await waitUntil(() => backend.calls('getPeople').length === 1);
    const batchSignal = (backend.calls('getPeople')[0].args[1] as CallOptions).signal!;
    one.abort();
    expect(batchSignal.aborted).to.equal(false);
    two.abort();
    expect(batchSignal.aborted).to.equal(true);
    expect((await rejection(first)).kind).to.equal('aborted');
    expect((await rejection(second)).kind).to.equal('aborted');
    backend.peopleGate.resolve();
    // A later caller gets a new lookup, not the cancelled one.
    expect((await client.person('p1'))?.id).to.equal('p1');
    expect(backend.calls('getPeople')).to.have.length(2);
  });

  it('drops an id from the next batch when its only caller aborted before the window closed', async () => {
    const backend = new FakeBackend();
    const client = newClient(backend, { batchWindowMs: 10 });
    const controller = new AbortController();
    const gone = client.person('p1', { signal: controller.signal });
    const kept = client.person('p2');
    controller.abort();
    expect((await rejection(gone)).kind).to.equal('aborted');
    expect((await kept)?.id).to.equal('p2');
    expect(backend.calls('getPeople')[0].args[0]).to.deep.equal(['p2']);
  });

  it('rejects at once for a signal that already fired, without calling the backend', async () => {
    const backend = new FakeBackend();
    const client = newClient(backend);
    const error = await rejection(client.kudosValues({ signal: AbortSignal.abort() }));
    expect(error.kind).to.equal('aborted');
    expect(backend.calls('kudosValues')).to.have.length(0);
  });

  it('aborting one of two identical reads leaves the other one its answer', async () => {
    const backend = new FakeBackend();
    const client = newClient(backend);
    const controller = new AbortController();
    const leaving = client.listReactors('k1', 'thanks', { signal: controller.signal });
    const staying = client.listReactors('k1', 'thanks');
    controller.abort();
    expect((await rejection(leaving)).kind).to.equal('aborted');
    expect(await staying).to.deep.equal(['p1']);
    expect(backend.calls('listReactors')).to.have.length(1);
  });
});
