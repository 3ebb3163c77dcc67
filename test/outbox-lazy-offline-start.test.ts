/**
 * A page opens offline with writes an earlier page stored, and the outbox code (`loadOutbox:
 * 'when-needed'`) cannot be fetched: when the browser is back online the code is fetched again and the
 * stored writes are sent once. A file of its own: the page must not have the module yet.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import {
  FakeBackend,
  MemoryStorage,
  disposeClients,
  idempotencyKeys,
  newClient,
  storedOutboxEntries,
} from './helpers/client-fake-backend.js';
import type { ClientOptions } from '../src/client/types.js';

/** From now on, fetching `path` fails as it does offline; `null` stops that. Returns how many failed. */
async function failFetching(path: string | null): Promise<number> {
  return (await executeServerCommand<{ failed: number }, { path: string | null }>('fail-requests', { path }))
    .failed;
}

afterEach(async () => {
  disposeClients();
  await failFetching(null);
});

describe('Outbox code that cannot be fetched when a page with stored writes opens', () => {
  it('fetches it again when the browser is back online and sends the stored writes once', async () => {
    await failFetching('/src/client/outbox.ts');
    const storage = new MemoryStorage();
    const options: ClientOptions = {
      storage,
      storageKey: 'offline-start',
      loadOutbox: 'when-needed',
      tracking: false,
    };
    const earlier = newClient(new FakeBackend(), { ...options, eventTarget: new EventTarget() });
    earlier.giveKudos({ to: ['p4'], message: 'Van de vorige pagina' }).catch(() => undefined);
    await waitUntil(() => earlier.outbox()[0]?.state === 'waiting', 'the earlier page could not send it');
    const [entry] = earlier.outbox();
    earlier.dispose();

    const backend = new FakeBackend();
    const events = new EventTarget();
    newClient(backend, { ...options, eventTarget: events });
    // It asks for the code at start, for the stored write, and that fails too.
    const failed = async () =>
      (await executeServerCommand<{ failed: number }, undefined>('failed-requests')).failed;
    await waitUntil(async () => (await failed()) === 2, 'the earlier page and this one at start');
    expect(storedOutboxEntries(storage).map((stored) => stored.id)).to.deep.equal([entry.id]);

    await failFetching(null);
    events.dispatchEvent(new Event('online'));
    await waitUntil(() => backend.calls('giveKudos').length === 1, 'sent once back online');
    expect(idempotencyKeys(backend, 'giveKudos')).to.deep.equal([entry.id]);
    await waitUntil(() => storedOutboxEntries(storage).length === 0, 'no longer stored');
  });
});
