/**
 * The outbox under bad networks, reloads, several tabs and several users on one browser profile.
 * Time is virtual (`VirtualTime`): "ten minutes offline" runs in milliseconds.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { WriteOptions } from '../src/backends/backend.js';
import { BackendError } from '../src/errors.js';
import type { CommunityClient } from '../src/client/community-client.js';
import type { ClientOptions } from '../src/client/types.js';
import { KringSignedOutEvent } from '../src/client/signed-out-event.js';
import { signOut } from '../src/api.js';
import type { Kudos } from '../src/model.js';
import {
  FakeBackend,
  MemoryStorage,
  disposeClients,
  makePerson,
  networkError,
  newClient,
} from './helpers/client-fake-backend.js';

afterEach(disposeClients);

/** Waits until `client` is its browser profile's sender tab (a Web Lock is granted a few tasks later). */
function isSender(client: CommunityClient): boolean {
  return (client as unknown as { outboxQueue: { leader: boolean } }).outboxQueue.leader;
}

async function sender(client: CommunityClient): Promise<CommunityClient> {
  await waitUntil(() => isSender(client), 'this tab sends');
  return client;
}

/** Timers and clock under the test's control; `advance` runs what falls due, in order. */
class VirtualTime {
  now = Date.parse('2026-11-02T09:00:00Z');
  private readonly timers = new Map<number, { due: number; callback: () => void }>();
  private nextId = 1;
  readonly setTimeout = (callback: () => void, ms: number): number => {
    const id = this.nextId++;
    this.timers.set(id, { due: this.now + Math.max(0, ms), callback });
    return id;
  };
  readonly clearTimeout = (id: number): void => void this.timers.delete(id);
  readonly clock = (): number => this.now;

  options(): Partial<ClientOptions> {
    return { now: this.clock, setTimeout: this.setTimeout, clearTimeout: this.clearTimeout };
  }

  /** Moves the clock forward by `ms`, running each timer when its time comes (and what it awaits). */
  async advance(ms: number): Promise<void> {
    const end = this.now + ms;
    for (;;) {
      await settle();
      const next = [...this.timers.entries()].sort((a, b) => a[1].due - b[1].due)[0];
      if (!next || next[1].due > end) break;
      this.timers.delete(next[0]);
      this.now = Math.max(this.now, next[1].due);
      next[1].callback();
    }
    this.now = end;
    await settle();
  }
}

const channel = new MessageChannel();
const queued: (() => void)[] = [];
channel.port1.onmessage = () => queued.shift()?.();

/** Lets pending promise chains and a few tasks run (no virtual time passes; a message is not clamped like setTimeout). */
async function settle(): Promise<void> {
  for (let round = 0; round < 3; round++) {
    await new Promise<void>((resolve) => {
      queued.push(resolve);
      channel.port2.postMessage(null);
    });
  }
}

/** A deterministic random source (xorshift), so the fault pattern is the same on every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return ((state >>> 0) % 1_000_000) / 1_000_000;
  };
}

const WRITE_METHODS = ['giveKudos', 'react', 'endorseSkill', 'sendInvite', 'recordEvidence'] as const;
type WriteMethod = (typeof WRITE_METHODS)[number];

/**
 * A server behind a bad network: offline on demand, and otherwise `faultRate` of the requests fail with
 * 429, 503, a reset connection, or an answer lost after the write was applied. The server applies each
 * idempotency key once, like the REST contract asks.
 */
class FlakyServer {
  offline = false;
  faultRate = 0;
  readonly applied = new Map<string, { method: WriteMethod; seen: number }>();
  requests = 0;
  userChecks = 0;
  faults = { throttled: 0, unavailable: 0, reset: 0, answerLost: 0, offline: 0 };
  private readonly random = seeded(20_261_102);

  /** A backend for one page load (a fresh object per reload, the same server behind it). */
  backend(): FakeBackend {
    const backend = new FakeBackend(20);
    const currentUser = backend.currentUser.bind(backend);
    backend.currentUser = async (options) => {
      this.requests++;
      this.userChecks++;
      if (this.offline) throw networkError();
      return currentUser(options);
    };
    for (const method of WRITE_METHODS) {
      const original = (backend[method] as (...args: unknown[]) => Promise<unknown>).bind(backend);
      (backend as unknown as Record<string, unknown>)[method] = async (...args: unknown[]) => {
        this.requests++;
        if (this.offline) {
          this.faults.offline++;
          throw networkError();
        }
        const key = (args.at(-1) as WriteOptions).idempotencyKey;
        const roll = this.random();
        const fault = roll < this.faultRate ? Math.floor((roll / this.faultRate) * 4) : -1;
        if (fault === 0) {
          this.faults.throttled++;
          throw new BackendError('throttled', 'Too many requests', { status: 429, retryAfterMs: 1_000 });
        }
        if (fault === 1) {
          this.faults.unavailable++;
          throw new BackendError('server', 'Service unavailable', { status: 503 });
        }
        if (fault === 2) {
          this.faults.reset++;
          throw networkError();
        }
        const record = this.applied.get(key);
        // A repeated key is answered from the first result, not applied again (the contract's idempotency).
        if (record) record.seen++;
        else this.applied.set(key, { method, seen: 1 });
        const result = await original(...args);
        if (fault === 3) {
          this.faults.answerLost++;
          throw new BackendError('network', 'The connection dropped before the answer arrived.');
        }
        return result;
      };
    }
    return backend;
  }
}

function write(client: CommunityClient, index: number): Promise<unknown> {
  switch (index % 5) {
    case 0:
      return client.giveKudos({ to: [`p${(index % 9) + 1}`], message: `Thanks ${index}` });
    case 1:
      return client.react(`k${index}`, 'thanks', true);
    case 2:
      return client.endorseSkill(`p${(index % 9) + 1}`, `Skill ${index}`);
    case 3:
      return client.sendInvite({ email: `new${index}@example.nl` });
    default:
      return client.recordEvidence({
        personId: 'p0',
        role: 'writer',
        url: `https://intranet.example/post/${index}`,
      });
  }
}

describe('Outbox: nothing lost, nothing multiplied', () => {
  it('offline for ten minutes with a reload in between, then online: every write delivered exactly once', async () => {
    const time = new VirtualTime();
    const server = new FlakyServer();
    const storage = new MemoryStorage();
    const session = new MemoryStorage();
    const common = {
      storage,
      sessionStorage: session,
      storageKey: `rest:${Math.random()}`,
      tracking: false,
      ...time.options(),
    };
    const first = await sender(newClient(server.backend(), common));
    await first.currentUser();

    server.offline = true;
    const madeBefore = Array.from({ length: 10 }, (_, index) => write(first, index));
    madeBefore.forEach((promise) => promise.catch(() => undefined));
    await time.advance(5 * 60_000);
    expect(first.outbox().map((entry) => entry.state)).to.deep.equal(Array(10).fill('waiting'));

    // Reload while still offline: the new page cannot check the user, but shows the user's writes.
    first.dispose();
    const second = await sender(newClient(server.backend(), common));
    expect(second.outbox()).to.have.length(10);
    const madeAfter = Array.from({ length: 5 }, (_, index) => write(second, 10 + index));
    await time.advance(5 * 60_000);
    expect(second.outbox()).to.have.length(15);
    expect(second.outbox().some((entry) => entry.state === 'failed')).to.equal(false);

    server.offline = false;
    // The test clients listen to no window: tell this one the browser is back online.
    (second as unknown as { onOnline: () => void }).onOnline();
    await time.advance(1_000);
    await Promise.all(madeAfter);
    expect(second.outbox()).to.deep.equal([]);
    expect(server.applied.size).to.equal(15);
    expect(storage.length).to.equal(0);
  });

  it('30 % faults, minutes offline and a reload: every write lands exactly once, nobody retries by hand', async function () {
    this.timeout(30_000);
    const time = new VirtualTime();
    const server = new FlakyServer();
    server.faultRate = 0.3;
    const storage = new MemoryStorage();
    const session = new MemoryStorage();
    const common = {
      storage,
      sessionStorage: session,
      storageKey: `rest:${Math.random()}`,
      tracking: false,
      random: seeded(7),
      ...time.options(),
    };
    let page = await sender(newClient(server.backend(), common));
    await time.advance(10_000);
    let made = 0;
    const refused: unknown[] = [];
    const track = (promise: Promise<unknown>) => promise.catch((error: unknown) => refused.push(error));
    for (let index = 0; index < 12; index++) track(write(page, made++));
    await time.advance(20_000);
    server.offline = true;
    for (let index = 0; index < 12; index++) track(write(page, made++));
    await time.advance(3 * 60_000);
    page.dispose(); // reload while offline
    page = await sender(newClient(server.backend(), common));
    for (let index = 0; index < 6; index++) track(write(page, made++));
    await time.advance(4 * 60_000);
    server.offline = false;
    (page as unknown as { onOnline: () => void }).onOnline();
    for (let index = 0; index < 10; index++) track(write(page, made++));
    for (let minute = 0; minute < 30 && page.outbox().length; minute++) await time.advance(60_000);

    // Writes whose key reached the server again after a lost answer: answered, not applied twice.
    const keysRepeated = [...server.applied.values()].filter((record) => record.seen > 1).length;
    const counts = {
      writesMade: made,
      applied: server.applied.size,
      keysRepeated,
      leftInOutbox: page.outbox().length,
      refused: refused.length,
      requests: server.requests,
      userChecks: server.userChecks,
      ...server.faults,
    };
    console.log(`[outbox scenario] ${JSON.stringify(counts)}`);
    expect(counts).to.include({ writesMade: 40, applied: 40, leftInOutbox: 0, refused: 0 });
    expect(server.faults.answerLost).to.be.greaterThan(0);
  });

  it("two tabs: one sends, the other's writes and results go through it", async () => {
    const storage = new MemoryStorage();
    const senderBackend = new FakeBackend();
    const otherBackend = new FakeBackend();
    const common = { storage, storageKey: `tabs-${Math.random()}`, tracking: false };
    const sender = newClient(senderBackend, common);
    await sender.currentUser();
    await waitUntil(() => isSender(sender));
    const other = newClient(otherBackend, common);
    const kudos = (await other.giveKudos({ to: ['p2'], message: 'Via the other tab' })) as Kudos;
    expect(kudos.message).to.equal('Via the other tab');
    expect(otherBackend.calls('giveKudos'), 'the second tab never sends').to.have.length(0);
    expect(senderBackend.calls('giveKudos')).to.have.length(1);
    await waitUntil(() => other.outbox().length === 0 && sender.outbox().length === 0);

    // The sender closes: the other tab takes over.
    sender.dispose();
    otherBackend.failNext('giveKudos', networkError());
    const next = (await other.giveKudos({ to: ['p3'], message: 'Alone now' })) as Kudos;
    expect(next.message).to.equal('Alone now');
    expect(otherBackend.calls('giveKudos')).to.have.length(2);
  });

  it("Alice's unsent kudos is neither sent nor shown after Bob signs in on the same browser", async () => {
    const storage = new MemoryStorage();
    const time = new VirtualTime();
    const alicesBackend = new FakeBackend();
    alicesBackend.me = makePerson('alice');
    alicesBackend.failAlways('giveKudos', new BackendError('server', 'Busy', { status: 503 }));
    const common = { storage, storageKey: `rest:${Math.random()}`, ...time.options() };
    const alice = await sender(newClient(alicesBackend, { ...common, sessionStorage: new MemoryStorage() }));
    alice.giveKudos({ to: ['p2'], message: 'Private thanks from Alice' }).catch(() => undefined);
    await time.advance(1_000);
    expect(alice.outbox()).to.have.length(1);
    alice.dispose();

    const bobsBackend = new FakeBackend();
    bobsBackend.me = makePerson('bob');
    const bob = await sender(newClient(bobsBackend, { ...common, sessionStorage: new MemoryStorage() }));
    await bob.currentUser();
    await time.advance(10 * 60_000);
    expect(bob.outbox()).to.deep.equal([]);
    expect(bobsBackend.calls('giveKudos')).to.have.length(0);
    bob.dispose();

    // Alice comes back: hers is still there and goes out under her own session.
    alicesBackend.recover('giveKudos');
    const again = await sender(newClient(alicesBackend, { ...common, sessionStorage: new MemoryStorage() }));
    await again.currentUser();
    await time.advance(1_000);
    await waitUntil(() => again.outbox().length === 0);
    expect(alicesBackend.kudosByKey.size).to.equal(1);
  });

  it('unsent writes expire after 7 days and the user is told; sign-out clears every stored write', async () => {
    const storage = new MemoryStorage();
    const time = new VirtualTime();
    const backend = new FakeBackend();
    backend.failAlways('giveKudos', networkError());
    const events = new EventTarget();
    const common = {
      storage,
      storageKey: `demo:${Math.random()}`,
      eventTarget: events,
      tracking: false,
      outboxBackoffMaxMs: 24 * 60 * 60_000,
      ...time.options(),
    };
    const client = await sender(newClient(backend, common));
    const sent = client.giveKudos({ to: ['p2'], message: 'Too late' });
    sent.catch(() => undefined);
    await time.advance(6 * 24 * 60 * 60_000);
    expect(client.outbox()).to.have.length(1);
    await time.advance(2 * 24 * 60 * 60_000);
    expect(client.outbox()).to.deep.equal([]);
    expect(client.expiredWrites('giveKudos')).to.have.length(1);
    expect((await sent.catch((error: BackendError) => error)) as BackendError).to.include({
      code: 'outbox.expired',
    });
    client.dismissExpired();
    expect(client.expiredWrites()).to.deep.equal([]);

    client.sendInvite({ email: 'someone@example.nl' }).catch(() => undefined);
    backend.failAlways('sendInvite', networkError());
    await time.advance(1_000);
    expect(storage.length).to.be.greaterThan(0);
    events.dispatchEvent(new KringSignedOutEvent());
    expect(client.outbox()).to.deep.equal([]);
    expect([...Array(storage.length).keys()].map((index) => storage.key(index))).to.deep.equal([]);
  });

  it('Kring.signOut() clears the outbox of every client on the page and the demo data of the profile', async () => {
    const storage = new MemoryStorage();
    const backend = new FakeBackend();
    backend.failAlways('sendInvite', networkError());
    const client = await sender(
      newClient(backend, {
        storage,
        storageKey: `so:${Math.random()}`,
        eventTarget: window,
        tracking: false,
      }),
    );
    client.sendInvite({ email: 'invitee@example.nl' }).catch(() => undefined);
    await waitUntil(() => client.outbox()[0]?.state === 'waiting');
    expect(
      JSON.stringify([...Array(storage.length).keys()].map((i) => storage.getItem(storage.key(i)!))),
    ).to.contain('invitee@example.nl');
    localStorage.setItem('kring-demo:v1:test:12:default', '[]');
    signOut();
    expect(client.outbox()).to.deep.equal([]);
    expect(storage.length).to.equal(0);
    expect(localStorage.getItem('kring-demo:v1:test:12:default')).to.equal(null);
  });
});
