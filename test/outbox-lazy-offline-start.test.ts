/**
 * A page opens offline with writes an earlier page stored, and the outbox code (`loadOutbox:
 * 'when-needed'`) cannot be fetched: when the browser is back online the code is fetched again and the
 * stored writes are sent once. A file of its own: the page must not have the module yet.
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
import {
  OUTBOX_CODE,
  disposeClientsAndGoOnline,
  failFetching,
  failedFetches,
} from './helpers/failing-fetches.js';

afterEach(disposeClientsAndGoOnline);

describe('Outbox code that cannot be fetched when a page with stored writes opens', () => {
  it('fetches it again when the browser is back online and sends the stored writes once', async () => {
    await failFetching(OUTBOX_CODE);
    const storage = new MemoryStorage();
    const options = lazyOutboxOptions(storage);
    const earlier = newClient(new FakeBackend(), { ...options, eventTarget: new EventTarget() });
    earlier.giveKudos({ to: ['p4'], message: 'Van de vorige pagina' }).catch(() => undefined);
    await waitUntil(() => earlier.outbox()[0]?.state === 'waiting', 'the earlier page could not send it');
    const [entry] = earlier.outbox();
    earlier.dispose();

    const backend = new FakeBackend();
    const events = new EventTarget();
    newClient(backend, { ...options, eventTarget: events });
    // It asks for the code at start, for the stored write, and that fails too.
    await waitUntil(async () => (await failedFetches()) === 2, 'the earlier page and this one at start');
    expect(storedOutboxEntries(storage).map((stored) => stored.id)).to.deep.equal([entry.id]);

    await failFetching(null);
    events.dispatchEvent(new Event('online'));
    await waitUntil(() => backend.calls('giveKudos').length === 1, 'sent once back online');
    expect(idempotencyKeys(backend, 'giveKudos')).to.deep.equal([entry.id]);
    await waitUntil(() => storedOutboxEntries(storage).length === 0, 'no longer stored');
  });
});
