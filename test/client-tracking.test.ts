import { expect, waitUntil } from '@open-wc/testing';
import { BackendError } from '../src/errors.js';
import { CommunityClient, createClient } from '../src/client/community-client.js';
import type { ActivityBeacon, ClientOptions } from '../src/client/types.js';
import type { ActivityEvent } from '../src/model.js';
import { FakeBackend, TestTimers } from './helpers/client-fake-backend.js';

const clients: CommunityClient[] = [];

function setup(options: ClientOptions = {}, backend = new FakeBackend()) {
  const timers = new TestTimers();
  const events = new EventTarget();
  const client = createClient(backend, {
    storage: null,
    eventTarget: events,
    batchWindowMs: 0,
    trackFlushMs: 5_000,
    setTimeout: timers.setTimeout,
    clearTimeout: timers.clearTimeout,
    now: () => Date.parse('2026-11-26T10:00:00.000Z'),
    ...options,
  });
  clients.push(client);
  return { backend, client, timers, events };
}

afterEach(() => {
  for (const client of clients.splice(0)) client.dispose();
});

describe('CommunityClient: activity tracking', () => {
  it('fills actor and time, queues, and sends one batch when the flush interval passes', async () => {
    const { backend, client, timers } = setup();
    await client.currentUser();
    client.track({ type: 'element-seen', subject: 'kring-profile-card' });
    client.track({ type: 'profile-opened', subject: 'p3' });
    client.track({ type: 'search', subject: 'typescript', actorId: 'p9', at: '2026-11-01T00:00:00.000Z' });
    expect(backend.calls('track')).to.have.length(0);
    expect(timers.pending).to.deep.equal([5_000]);
    timers.fireAll();
    await waitUntil(() => backend.tracked.length === 1);
    expect(backend.calls('track')).to.have.length(1);
    expect(backend.tracked[0]).to.deep.equal([
      { type: 'element-seen', subject: 'kring-profile-card', actorId: 'p0', at: '2026-11-26T10:00:00.000Z' },
      { type: 'profile-opened', subject: 'p3', actorId: 'p0', at: '2026-11-26T10:00:00.000Z' },
      { type: 'search', subject: 'typescript', actorId: 'p9', at: '2026-11-01T00:00:00.000Z' },
    ]);
  });

  it('looks the current user up when it is not known yet', async () => {
    const { backend, client } = setup();
    client.track({ type: 'element-seen', subject: 'kring-kudos-feed' });
    await waitUntil(() => backend.calls('currentUser').length === 1);
    await client.currentUser();
    await client.flushActivity();
    expect(backend.tracked[0]).to.deep.equal([
      { type: 'element-seen', subject: 'kring-kudos-feed', actorId: 'p0', at: '2026-11-26T10:00:00.000Z' },
    ]);
  });

  it('flushes on pagehide through trackBeacon when the backend offers it', async () => {
    const backend = new FakeBackend() as FakeBackend & ActivityBeacon;
    const beaconed: ActivityEvent[][] = [];
    backend.trackBeacon = (events) => {
      beaconed.push([...events]);
      return true;
    };
    const { client, events } = setup({}, backend);
    await client.currentUser();
    client.track({ type: 'reaction' });
    client.track({ type: 'kudos-given' });
    events.dispatchEvent(new Event('pagehide'));
    expect(beaconed).to.have.length(1);
    expect(beaconed[0].map((event) => event.type)).to.deep.equal(['reaction', 'kudos-given']);
    expect(backend.calls('track')).to.have.length(0);
  });

  it('flushes on pagehide through track() when there is no beacon (or it refuses)', async () => {
    const backend = new FakeBackend() as FakeBackend & ActivityBeacon;
    backend.trackBeacon = () => false;
    const { client, events, timers } = setup({}, backend);
    await client.currentUser();
    client.track({ type: 'post' });
    events.dispatchEvent(new Event('pagehide'));
    await waitUntil(() => backend.tracked.length === 1);
    expect(backend.tracked[0].map((event) => event.type)).to.deep.equal(['post']);
    expect(timers.pending).to.deep.equal([]);
  });

  it('sends nothing, ever, with tracking off', async () => {
    const { backend, client, timers, events } = setup({ tracking: false });
    expect(client.tracking).to.equal(false);
    await client.currentUser();
    client.track({ type: 'element-seen', subject: 'kring-profile-card' });
    events.dispatchEvent(new Event('pagehide'));
    await client.flushActivity();
    await client.flushActivity({ beacon: true });
    timers.fireAll();
    await client.kudosValues();
    expect(backend.calls('track')).to.have.length(0);
    expect(timers.pending).to.deep.equal([]);
  });

  it('drops what was queued when tracking is switched off', async () => {
    const { backend, client, timers } = setup();
    await client.currentUser();
    client.track({ type: 'search', subject: 'excel' });
    client.tracking = false;
    timers.fireAll();
    client.tracking = true;
    await client.flushActivity();
    expect(backend.calls('track')).to.have.length(0);
  });

  it('does not queue when the backend cannot track', async () => {
    const backend = new FakeBackend();
    backend.capabilities.tracking = false;
    const { client } = setup({}, backend);
    await client.currentUser();
    client.track({ type: 'post' });
    await client.flushActivity();
    expect(backend.calls('track')).to.have.length(0);
  });

  it('keeps failed events (newest up to the cap) and never rejects', async () => {
    const { backend, client, timers } = setup({ trackQueueMax: 3 });
    await client.currentUser();
    backend.failNext('track', new BackendError('network', 'Offline'));
    for (const subject of ['a', 'b']) client.track({ type: 'search', subject });
    await client.flushActivity();
    expect(backend.calls('track')).to.have.length(1);
    expect(timers.pending).to.deep.equal([5_000]);
    for (const subject of ['c', 'd']) client.track({ type: 'search', subject });
    timers.fireAll();
    await waitUntil(() => backend.tracked.length === 1);
    expect(backend.tracked[0].map((event) => event.subject)).to.deep.equal(['b', 'c', 'd']);
  });
});

describe('CommunityClient: dispose', () => {
  it('clears timers and stops listening', async () => {
    const { backend, client, timers, events } = setup();
    await client.currentUser();
    let notified = 0;
    client.subscribe(() => notified++);
    client.track({ type: 'post' });
    backend.failAlways('giveKudos', new BackendError('network', 'Offline'));
    client.giveKudos({ to: ['p1'], message: 'x' }).catch(() => undefined);
    await waitUntil(() => client.outbox()[0]?.state === 'waiting');
    expect(timers.pending.length).to.equal(2);
    client.dispose();
    expect(timers.pending).to.deep.equal([]);
    const before = notified;
    events.dispatchEvent(new Event('online'));
    events.dispatchEvent(new Event('pagehide'));
    expect(backend.calls('giveKudos')).to.have.length(1);
    expect(backend.calls('track')).to.have.length(0);
    expect(notified).to.equal(before);
  });

  it('records the activity a confirmed write stands for, once, and nothing for a removed reaction', async () => {
    const { backend, client } = setup();
    await client.currentUser();
    await client.giveKudos({ to: ['p2'], value: 'Lef', message: 'Dank je!' });
    await client.endorseSkill('p2', 'Excel');
    await client.react('k1', 'thanks', true);
    await client.react('k1', 'thanks', false);
    await client.sendInvite({ email: 'nieuw@example.nl' });
    await client.flushActivity();
    const types = backend.tracked.flat().map((event) => [event.type, event.subject]);
    expect(types).to.deep.equal([
      ['kudos-given', 'Lef'],
      ['endorsement', 'Excel'],
      ['reaction', 'thanks'],
      ['invite-sent', undefined],
    ]);
  });

  it('records nothing for writes while tracking is off', async () => {
    const { backend, client } = setup({ tracking: false });
    await client.giveKudos({ to: ['p2'], message: 'Stil' });
    await client.flushActivity();
    expect(backend.calls('track')).to.have.length(0);
  });
});
