/**
 * The outbox code (`loadOutbox: 'when-needed'`) cannot be fetched because the browser is offline: writes
 * stay stored and listed, the code is asked for again on the next write and when the browser is back
 * online, and the writes are then sent once. A file of its own: the page must not have the module yet.
 */
import { expect, waitUntil } from '@open-wc/testing';
import {
  FakeBackend,
  MemoryStorage,
  idempotencyKeys,
  lazyOutboxOptions,
  newClient,
  storedOutboxEntries,
} from './helpers/client-fake-backend.js';
import { OUTBOX_CODE, disposeClientsAndGoOnline, failFetching } from './helpers/failing-fetches.js';

afterEach(disposeClientsAndGoOnline);

describe('Outbox code that cannot be fetched (offline)', () => {
  it('keeps the writes stored and listed, asks again on the next write and when online, then sends them once', async () => {
    await failFetching(OUTBOX_CODE);
    const storage = new MemoryStorage();
    const backend = new FakeBackend();
    const events = new EventTarget();
    const client = newClient(backend, { ...lazyOutboxOptions(storage), eventTarget: events });

    // As the elements that list unsent writes do: read the outbox again on every change of it.
    let changes = 0;
    client.subscribe((change) => {
      if (change.topic !== 'outbox') return;
      changes += 1;
      client.outbox();
    });

    const first = client.giveKudos({ to: ['p2'], message: 'Offline geschreven' });
    await waitUntil(() => client.outbox()[0]?.state === 'waiting', 'waiting after the failed fetch');
    const second = client.giveKudos({ to: ['p3'], message: 'Nog een' });
    await waitUntil(
      () => client.outbox().length === 2 && client.outbox().every((entry) => entry.state === 'waiting'),
      'the next write asked for the code again, and waits too',
    );
    const entries = client.outbox();
    expect(entries.map(({ kind, input }) => ({ kind, input }))).to.deep.equal([
      { kind: 'giveKudos', input: { to: ['p2'], message: 'Offline geschreven' } },
      { kind: 'giveKudos', input: { to: ['p3'], message: 'Nog een' } },
    ]);
    expect(
      entries.every((entry) => entry.error),
      'each says why it waits',
    ).to.equal(true);
    expect(storedOutboxEntries(storage).map((stored) => stored.id)).to.deep.equal(
      entries.map(({ id }) => id),
    );
    expect(backend.calls('giveKudos'), 'nothing sent without the outbox code').to.have.length(0);

    const failedFetches = await failFetching(null);
    expect(failedFetches, 'fetched once per write, not again on every look at the list').to.equal(2);
    expect(changes, 'the list changed for the two writes and their two failed fetches').to.be.at.most(4);
    events.dispatchEvent(new Event('online'));
    expect((await first).message).to.equal('Offline geschreven');
    expect((await second).message).to.equal('Nog een');
    expect(idempotencyKeys(backend, 'giveKudos').sort()).to.deep.equal(entries.map(({ id }) => id).sort());
    expect(client.outbox()).to.deep.equal([]);
    expect(storedOutboxEntries(storage)).to.deep.equal([]);
  });
});
