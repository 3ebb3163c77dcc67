/**
 * The outbox code loaded when needed (`loadOutbox: 'when-needed'`, what `<kring-community>` uses): a page
 * that only reads never downloads it, and a write made before it arrives is stored, listed and sent once.
 */
import { expect, waitUntil } from '@open-wc/testing';
import {
  FakeBackend,
  MemoryStorage,
  disposeClients,
  idempotencyKeys,
  lazyOutboxOptions,
  networkError,
  newClient,
  storedOutboxEntries as storedEntries,
} from './helpers/client-fake-backend.js';
import { rejection } from './helpers/assertions.js';

afterEach(disposeClients);

/** Whether this page has fetched the outbox module (`src/client/outbox.ts`). */
function outboxCodeFetched(): boolean {
  return performance
    .getEntriesByType('resource')
    .some((entry) => /\/src\/client\/outbox\.ts(\?|$)/.test(new URL(entry.name).pathname + '?'));
}

describe('Outbox code loaded when needed', () => {
  // First in this file: the page has not loaded the outbox module before.
  it('a client that only reads does not fetch the outbox code; its first write does', async () => {
    const backend = new FakeBackend();
    const client = newClient(backend, lazyOutboxOptions(new MemoryStorage()));
    await client.people(['p1', 'p2', 'me']);
    // Asked for at all? (A fetch still under way would not show among the resources yet.)
    const facade = (client as unknown as { outboxQueue: { loading?: Promise<unknown> } }).outboxQueue;
    expect(facade.loading === undefined, 'the outbox code is not asked for').to.equal(true);
    expect(outboxCodeFetched(), 'outbox.ts not fetched by a page that reads').to.equal(false);

    await client.giveKudos({ to: ['p2'], message: 'Eerste schrijfactie' });
    expect(outboxCodeFetched(), 'fetched on the first write').to.equal(true);
    expect(backend.calls('giveKudos')).to.have.length(1);
  });

  it('a write made before the code arrives is listed and stored at once, then sent exactly once', async () => {
    const storage = new MemoryStorage();
    const backend = new FakeBackend();
    const client = newClient(backend, lazyOutboxOptions(storage));
    const sent = client.giveKudos({ to: ['p3'], message: 'Vóór het laden' });
    const [entry] = client.outbox('giveKudos');
    expect(entry).to.include({ kind: 'giveKudos', state: 'sending', attempts: 0 });
    expect(entry.input).to.deep.equal({ to: ['p3'], message: 'Vóór het laden' });
    expect(storedEntries(storage).map((stored) => stored.id)).to.deep.equal([entry.id]);

    expect((await sent).message).to.equal('Vóór het laden');
    expect(idempotencyKeys(backend, 'giveKudos')).to.deep.equal([entry.id]);
    expect(client.outbox()).to.deep.equal([]);
    expect(storedEntries(storage)).to.deep.equal([]);
  });

  it('a page closed before the code arrived: the next page sends its write on start, once', async () => {
    const storage = new MemoryStorage();
    const options = lazyOutboxOptions(storage);
    const first = newClient(new FakeBackend(), options);
    first.giveKudos({ to: ['p4'], message: 'Net voor het sluiten' }).catch(() => undefined);
    const [entry] = first.outbox();
    first.dispose();

    const backend = new FakeBackend();
    const second = newClient(backend, options);
    await waitUntil(() => backend.calls('giveKudos').length === 1 && second.outbox().length === 0);
    expect(idempotencyKeys(backend, 'giveKudos')).to.deep.equal([entry.id]);
    expect(storedEntries(storage)).to.deep.equal([]);
  });

  it('writes that cannot reach the server wait, survive a reload and go out once from the next page', async () => {
    const storage = new MemoryStorage();
    const options = lazyOutboxOptions(storage);
    const offline = new FakeBackend();
    offline.failAlways('giveKudos', networkError());
    const first = newClient(offline, options);
    for (const message of ['een', 'twee', 'drie'])
      first.giveKudos({ to: ['p5'], message }).catch(() => undefined);
    await waitUntil(() => first.outbox().every((entry) => entry.state === 'waiting'));
    const ids = first.outbox().map((entry) => entry.id);
    first.dispose();

    const backend = new FakeBackend();
    const second = newClient(backend, options);
    await waitUntil(
      () => backend.calls('giveKudos').length === 3 && second.outbox().length === 0,
      'sent after the reload',
    );
    expect(idempotencyKeys(backend, 'giveKudos').sort()).to.deep.equal([...ids].sort());
    expect(backend.kudosByKey.size).to.equal(3);
  });

  it('a write discarded before the code arrives is never sent', async () => {
    const storage = new MemoryStorage();
    const backend = new FakeBackend();
    const client = newClient(backend, lazyOutboxOptions(storage));
    const pending = client.giveKudos({ to: ['p6'], message: 'Toch niet' });
    client.discardWrite(client.outbox()[0].id);
    expect((await rejection(pending)).kind).to.equal('aborted');
    expect(client.outbox()).to.deep.equal([]);
    expect(storedEntries(storage)).to.deep.equal([]);
    // The code arrives meanwhile (the write asked for it); still nothing to send.
    await client.createInviteLink();
    expect(backend.calls('giveKudos')).to.have.length(0);
  });

  it('another tab stores a write: this tab loads the outbox code, lists the write and sends it once', async () => {
    // The other tab is a same-origin frame: its localStorage is this page's, so its writes reach this
    // window as real `storage` events. Its client closes before its outbox code arrives.
    const frame = document.createElement('iframe');
    document.body.append(frame);
    const options = lazyOutboxOptions(localStorage);
    try {
      const backend = new FakeBackend();
      backend.failAlways('giveKudos', networkError());
      const here = newClient(backend, { ...options, eventTarget: window });
      const facade = (here as unknown as { outboxQueue: { loading?: Promise<unknown> } }).outboxQueue;
      expect(facade.loading === undefined, 'nothing asked for the outbox code yet').to.equal(true);

      const otherTab = newClient(new FakeBackend(), {
        ...options,
        storage: frame.contentWindow!.localStorage,
      });
      otherTab.giveKudos({ to: ['p7'], message: 'Uit het andere tabblad' }).catch(() => undefined);
      const [entry] = otherTab.outbox();
      otherTab.dispose();

      // Only the storage event can make this client send: it has not written or looked at its outbox.
      await waitUntil(() => backend.calls('giveKudos').length > 0, 'this tab tried to send the write');
      await waitUntil(() => here.outbox()[0]?.state === 'waiting', 'listed here, waiting for the network');
      expect(here.outbox().map(({ id, kind, input }) => ({ id, kind, input }))).to.deep.equal([
        { id: entry.id, kind: 'giveKudos', input: { to: ['p7'], message: 'Uit het andere tabblad' } },
      ]);

      backend.recover('giveKudos');
      window.dispatchEvent(new Event('online'));
      await waitUntil(() => here.outbox().length === 0, 'sent once the network is back');
      expect(new Set(idempotencyKeys(backend, 'giveKudos'))).to.deep.equal(new Set([entry.id]));
      expect([...backend.kudosByKey.values()].map((kudos) => kudos.message)).to.deep.equal([
        'Uit het andere tabblad',
      ]);
      expect(storedEntries(localStorage, options.storageKey)).to.deep.equal([]);
    } finally {
      frame.remove();
      for (const key of Object.keys(localStorage))
        if (key.includes(options.storageKey!)) localStorage.removeItem(key);
    }
  });
});
