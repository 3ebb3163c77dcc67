import { expect, waitUntil } from '@open-wc/testing';
import type { WriteOptions } from '../src/backends/backend.js';
import { BackendError } from '../src/errors.js';
import type { ClientChange } from '../src/client/types.js';
import type { Kudos } from '../src/model.js';
import {
  FakeBackend,
  MemoryStorage,
  TestTimers,
  disposeClients,
  networkError,
  newClient,
} from './helpers/client-fake-backend.js';
import { rejection } from './helpers/assertions.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function keysOf(backend: FakeBackend, method: 'giveKudos' | 'endorseSkill'): string[] {
  return backend.calls(method).map((call) => (call.args.at(-1) as WriteOptions).idempotencyKey);
}

afterEach(disposeClients);

describe('CommunityClient: writes and outbox', () => {
  it('sends a write with an idempotency key and resolves with the backend answer', async () => {
    const backend = new FakeBackend();
    const client = newClient(backend);
    const kudos = await client.giveKudos({ to: ['p2'], message: 'Dank je!' });
    expect(kudos.message).to.equal('Dank je!');
    expect(keysOf(backend, 'giveKudos')[0]).to.match(UUID);
    expect(client.outbox()).to.deep.equal([]);
  });

  it('reuses the same idempotency key on every retry of one write', async () => {
    const backend = new FakeBackend();
    const timers = new TestTimers();
    backend.failNext('giveKudos', networkError(), new BackendError('server', 'Busy'));
    const client = newClient(backend, { setTimeout: timers.setTimeout, clearTimeout: timers.clearTimeout });
    const sent = client.giveKudos({ to: ['p2'], message: 'Top' });
    await waitUntil(() => client.outbox()[0]?.state === 'waiting');
    const entryId = client.outbox()[0].id;
    expect(client.outbox()[0]).to.include({
      kind: 'giveKudos',
      attempts: 1,
      error: 'The server could not be reached.',
    });
    timers.fireAll();
    await waitUntil(() => backend.calls('giveKudos').length === 2 && client.outbox()[0]?.state === 'waiting');
    timers.fireAll();
    await sent;
    const keys = keysOf(backend, 'giveKudos');
    expect(keys).to.have.length(3);
    expect(new Set(keys).size).to.equal(1);
    expect(keys[0]).to.equal(entryId);
    expect(client.outbox()).to.deep.equal([]);
    expect(backend.kudosByKey.size).to.equal(1);
  });

  it('backs off between write attempts and honours retryAfterMs', async () => {
    const backend = new FakeBackend();
    const timers = new TestTimers();
    backend.failNext('react', new BackendError('throttled', 'Later', { retryAfterMs: 7_000 }));
    const client = newClient(backend, {
      setTimeout: timers.setTimeout,
      clearTimeout: timers.clearTimeout,
      random: () => 0.5,
      backoffBaseMs: 100,
    });
    const done = client.react('k1', 'thanks', true);
    await waitUntil(() => client.outbox()[0]?.state === 'waiting');
    expect(timers.pending).to.deep.equal([7_000]);
    expect(Date.parse(client.outbox()[0].nextAttemptAt!)).to.be.greaterThan(Date.now() + 5_000);
    timers.fireAll();
    expect((await done).id).to.equal('k1');
  });

  it('keeps an offline write in storage; a new client on the same storage delivers it exactly once', async () => {
    const storage = new MemoryStorage();
    const offline = new FakeBackend();
    offline.failAlways('giveKudos', networkError());
    const firstTimers = new TestTimers();
    const first = newClient(offline, {
      storage,
      storageKey: 'demo',
      setTimeout: firstTimers.setTimeout,
      clearTimeout: firstTimers.clearTimeout,
    });
    const lost = first.giveKudos({ to: ['p3'], message: 'Sent on the train' });
    lost.catch(() => undefined);
    await waitUntil(() => first.outbox()[0]?.state === 'waiting');
    const stored = JSON.parse(storage.getItem('kring.outbox.demo:p0')!);
    expect(stored).to.have.length(1);
    expect(stored[0]).to.include({ kind: 'giveKudos', state: 'waiting' });
    expect(stored[0].input).to.deep.equal({ to: ['p3'], message: 'Sent on the train' });
    // The older argument list too: a page of the older version still open in another tab reads only that.
    expect(stored[0].args).to.deep.equal([{ to: ['p3'], message: 'Sent on the train' }]);

    // The page reloads: the old client is gone, a new one starts on the same storage.
    first.dispose();
    firstTimers.fireAll();
    const online = new FakeBackend();
    const second = newClient(online, { storage, storageKey: 'demo' });
    await waitUntil(() => online.kudosByKey.size === 1 && second.outbox().length === 0);
    expect(online.calls('giveKudos')).to.have.length(1);
    expect(keysOf(online, 'giveKudos')[0]).to.equal(stored[0].id);
    expect(offline.calls('giveKudos')).to.have.length(1);
    expect(storage.getItem('kring.outbox.demo:p0')).to.equal(null);
    // A third load finds nothing left to send.
    const third = newClient(online, { storage, storageKey: 'demo' });
    expect(third.outbox()).to.deep.equal([]);
    expect(online.calls('giveKudos')).to.have.length(1);
  });

  it('sends writes stored by an older version (argument lists) after a reload, as typed writes', async () => {
    const storage = new MemoryStorage();
    const createdAt = new Date().toISOString();
    const old = (id: string, kind: string, args: unknown[]) => ({
      id,
      kind,
      args,
      state: 'waiting',
      attempts: 1,
      createdAt,
    });
    storage.setItem(
      'kring.outbox.demo:p0',
      JSON.stringify([
        old('k1', 'giveKudos', [{ to: ['p3'], message: 'Stored before the update' }]),
        old('r1', 'react', ['kudos-9', 'thanks', true]),
        old('e1', 'endorseSkill', ['p2', 'Excel']),
        old('x1', 'react', ['kudos-9']),
        old('u1', 'formatDisk', []),
      ]),
    );
    const backend = new FakeBackend();
    const client = newClient(backend, { storage, storageKey: 'demo' });
    await waitUntil(() => backend.calls('endorseSkill').length === 1 && client.outbox().length === 0);
    expect(backend.calls('giveKudos').map((call) => call.args[0])).to.deep.equal([
      { to: ['p3'], message: 'Stored before the update' },
    ]);
    expect(keysOf(backend, 'giveKudos')).to.deep.equal(['k1']);
    expect(backend.calls('react').map((call) => call.args.slice(0, 3))).to.deep.equal([
      ['kudos-9', 'thanks', true],
    ]);
    expect(backend.calls('endorseSkill').map((call) => call.args.slice(0, 2))).to.deep.equal([
      ['p2', 'Excel'],
    ]);
    // Entries that are not a write this version knows (a broken list, an unknown kind) are not sent.
    expect(backend.log.map((call) => call.method).filter((method) => method === 'react')).to.have.length(1);
  });

  it('never gives up on a write that cannot reach the server; backoff is capped at outboxBackoffMaxMs', async () => {
    const backend = new FakeBackend();
    const timers = new TestTimers();
    backend.failAlways('giveKudos', networkError());
    const client = newClient(backend, {
      setTimeout: timers.setTimeout,
      clearTimeout: timers.clearTimeout,
      random: () => 0.999,
      outboxBackoffMaxMs: 60_000,
    });
    let settled = false;
    const sent = client.giveKudos({ to: ['p2'], message: 'Bedankt' });
    sent.then(
      () => (settled = true),
      () => (settled = true),
    );
    for (let round = 1; round <= 25; round++) {
      await waitUntil(() => backend.calls('giveKudos').length === round && timers.pending.length === 1);
      expect(client.outbox('giveKudos')[0]).to.include({ state: 'waiting', attempts: round });
      expect(timers.pending[0]).to.be.at.most(60_000);
      timers.fireAll();
    }
    expect(settled, 'still waiting, not failed').to.equal(false);
    expect(timers.delays.at(-1)).to.be.greaterThan(30_000);

    backend.recover('giveKudos');
    const entry = client.outbox('giveKudos')[0];
    const kudos = (await client.retryWrite(entry.id)) as Kudos;
    expect(kudos.message).to.equal('Bedankt');
    expect((await sent) as Kudos).to.deep.equal(kudos);
    expect(client.outbox()).to.deep.equal([]);
    expect(new Set(keysOf(backend, 'giveKudos'))).to.deep.equal(new Set([entry.id]));
  });

  it('discardWrite removes an entry and rejects its pending promise with aborted', async () => {
    const backend = new FakeBackend();
    const timers = new TestTimers();
    backend.failAlways('endorseSkill', networkError());
    const client = newClient(backend, { setTimeout: timers.setTimeout, clearTimeout: timers.clearTimeout });
    const pending = client.endorseSkill('p1', 'TypeScript');
    await waitUntil(() => client.outbox()[0]?.state === 'waiting');
    client.discardWrite(client.outbox()[0].id);
    expect((await rejection(pending)).kind).to.equal('aborted');
    expect(client.outbox()).to.deep.equal([]);
    expect(timers.pending).to.deep.equal([]);
  });

  it('a refused write rejects at once and stays failed with the server message until retried or discarded', async () => {
    for (const kind of ['invalid', 'forbidden', 'conflict', 'auth', 'not-found'] as const) {
      const backend = new FakeBackend();
      backend.failNext('sendInvite', new BackendError(kind, `No: ${kind}`, { status: 400, code: 'x' }));
      const client = newClient(backend);
      const error = await rejection(client.sendInvite({ email: 'x@example.nl' }));
      expect(error.kind).to.equal(kind);
      expect(backend.calls('sendInvite')).to.have.length(1);
      const [entry] = client.outbox();
      expect(entry).to.include({
        state: 'failed',
        error: `No: ${kind}`,
        errorKind: kind,
        kind: 'sendInvite',
      });
      if (kind === 'invalid') {
        client.discardWrite(entry.id);
        expect(client.outbox()).to.deep.equal([]);
      } else {
        await client.retryWrite(entry.id);
        expect(client.outbox()).to.deep.equal([]);
        expect(
          new Set(backend.calls('sendInvite').map((call) => (call.args[1] as WriteOptions).idempotencyKey))
            .size,
        ).to.equal(1);
      }
    }
  });

  it('two tabs holding the same stored write send it one after the other, never at once', async () => {
    const storage = new MemoryStorage();
    const backend = new FakeBackend();
    let sending = 0;
    let mostAtOnce = 0;
    const giveKudos = backend.giveKudos.bind(backend);
    backend.giveKudos = async (...args) => {
      mostAtOnce = Math.max(mostAtOnce, ++sending);
      try {
        await new Promise((resolve) => setTimeout(resolve, 30));
        return await giveKudos(...args);
      } finally {
        sending--;
      }
    };
    backend.failNext('giveKudos', networkError());
    const events = new EventTarget();
    const options = { storage, storageKey: 'tabs', eventTarget: events };
    const timers = new TestTimers();
    const firstTab = newClient(backend, {
      ...options,
      setTimeout: timers.setTimeout,
      clearTimeout: timers.clearTimeout,
    });
    const sent = firstTab.giveKudos({ to: ['p2'], message: 'Vanuit twee tabbladen' });
    await waitUntil(() => firstTab.outbox()[0]?.state === 'waiting');
    // A second tab opens on the same storage and takes up the stored write; then both come back online.
    const secondTab = newClient(backend, {
      ...options,
      setTimeout: timers.setTimeout,
      clearTimeout: timers.clearTimeout,
    });
    events.dispatchEvent(new Event('online'));
    expect((await sent).message).to.equal('Vanuit twee tabbladen');
    await waitUntil(() => secondTab.outbox().length === 0 && sending === 0, 'both tabs are done');
    expect(mostAtOnce, 'never two sends of one write at the same time').to.equal(1);
    expect(new Set(keysOf(backend, 'giveKudos')).size, 'one key throughout').to.equal(1);
    expect(backend.kudosByKey.size).to.equal(1);
  });

  it('sends waiting writes at once when the browser comes back online', async () => {
    const backend = new FakeBackend();
    const timers = new TestTimers();
    const events = new EventTarget();
    backend.failNext('giveKudos', networkError());
    const client = newClient(backend, {
      eventTarget: events,
      tracking: false,
      setTimeout: timers.setTimeout,
      clearTimeout: timers.clearTimeout,
    });
    const sent = client.giveKudos({ to: ['p2'], message: 'Weer online' });
    await waitUntil(() => client.outbox()[0]?.state === 'waiting');
    events.dispatchEvent(new Event('online'));
    expect((await sent).message).to.equal('Weer online');
    expect(timers.pending).to.deep.equal([]);
  });

  it('delivers writes on the same thing in the order they were made, others in parallel', async () => {
    const backend = new FakeBackend();
    const timers = new TestTimers();
    backend.failNext('react', networkError());
    const client = newClient(backend, { setTimeout: timers.setTimeout, clearTimeout: timers.clearTimeout });
    const on = client.react('k1', 'thanks', true);
    await waitUntil(() => client.outbox()[0]?.state === 'waiting');
    const off = client.react('k1', 'thanks', false);
    const other = client.react('k2', 'thanks', true);
    await other;
    expect(backend.calls('react').map((call) => call.args.slice(0, 3))).to.deep.equal([
      ['k1', 'thanks', true],
      ['k2', 'thanks', true],
    ]);
    expect(client.outbox().map((entry) => entry.state)).to.deep.equal(['waiting', 'waiting']);
    timers.fireAll();
    await Promise.all([on, off]);
    expect(backend.calls('react').map((call) => call.args.slice(0, 3))).to.deep.equal([
      ['k1', 'thanks', true],
      ['k2', 'thanks', true],
      ['k1', 'thanks', true],
      ['k1', 'thanks', false],
    ]);
    expect(client.outbox()).to.deep.equal([]);
  });

  it('notifies the outbox topic as entries change', async () => {
    const backend = new FakeBackend();
    const client = newClient(backend);
    const topics: string[] = [];
    client.subscribe((change) => topics.push(change.topic));
    await client.createInviteLink();
    expect(topics.filter((topic) => topic === 'outbox').length).to.be.greaterThanOrEqual(2);
    expect(topics).to.include('invites');
  });
});

describe('CommunityClient: change notifications after writes', () => {
  it('giveKudos notifies kudos with the kudos and people for the receivers, whose counts refresh', async () => {
    const backend = new FakeBackend();
    const client = newClient(backend);
    expect((await client.person('p2'))?.kudosReceived).to.equal(undefined);
    await client.listKudos({});
    const changes: ClientChange[] = [];
    const unsubscribe = client.subscribe((change) => changes.push(change));
    const kudos = await client.giveKudos({ to: ['p2'], message: 'Super' });
    expect(changes).to.deep.include({ topic: 'kudos', ids: [kudos.id], kudos });
    expect(changes).to.deep.include({ topic: 'people', ids: ['p2'] });
    // The feed reloads; the receiver's card shows its cached value, then the refreshed one.
    expect((await client.listKudos({})).items).to.have.length(1);
    await client.person('p2');
    await waitUntil(() => client.peekPerson('p2')?.kudosReceived === 1);
    unsubscribe();
    await client.giveKudos({ to: ['p3'], message: 'Nog een' });
    expect(changes.filter((change) => change.topic === 'kudos')).to.have.length(1);
  });

  it('endorseSkill patches the cached person and notifies people with the id', async () => {
    const backend = new FakeBackend();
    const client = newClient(backend);
    await client.person('p5');
    const changes: ClientChange[] = [];
    client.subscribe((change) => changes.push(change));
    await client.endorseSkill('p5', 'TypeScript');
    expect(changes).to.deep.include({ topic: 'people', ids: ['p5'] });
    expect(client.peekPerson('p5')?.skills[0]).to.include({ endorsements: 2, endorsedByMe: true });
    await client.unendorseSkill('p5', 'TypeScript');
    expect((await client.person('p5'))?.skills[0]).to.include({ endorsements: 0, endorsedByMe: false });
    expect(backend.calls('getPeople')).to.have.length(1);
  });

  it('invites, reactions and badges notify their topics and drop the cached reads they affect', async () => {
    const backend = new FakeBackend();
    const client = newClient(backend);
    const topics: string[] = [];
    client.subscribe((change) => topics.push(change.topic));
    await client.listInvites({});
    await client.inviteQuota();
    await client.sendInvite({ email: 'new@example.nl' });
    await client.listInvites({});
    await client.inviteQuota();
    expect(backend.calls('listInvites')).to.have.length(2);
    expect(backend.calls('inviteQuota')).to.have.length(2);

    await client.react('k1', 'thanks', true);
    await client.ambassadorProfile('p1');
    await client.awardBadge({ personId: 'p1', role: 'writer', level: 'starter' });
    await client.ambassadorProfile('p1');
    expect(backend.calls('ambassadorProfile')).to.have.length(2);
    await client.chooseAmbassadorRoles(['writer']);
    expect(topics.filter((topic) => topic !== 'outbox')).to.deep.equal([
      'invites',
      'kudos',
      'ambassadors',
      'ambassadors',
    ]);
  });

  it('a failing listener does not stop the others', async () => {
    const backend = new FakeBackend();
    const client = newClient(backend);
    const original = console.error;
    const logged: unknown[] = [];
    console.error = (...args: unknown[]) => logged.push(args);
    const seen: string[] = [];
    client.subscribe(() => {
      throw new Error('bad listener');
    });
    client.subscribe((change) => seen.push(change.topic));
    try {
      await client.revokeBadge('b1');
    } finally {
      console.error = original;
    }
    expect(seen).to.include('ambassadors');
    expect(logged.length).to.be.greaterThan(0);
  });
});
