/**
 * The live updates' code cannot be fetched (offline) when the first subscriber comes: the stream opens
 * once the browser is back online. A file of its own: the page must not have the module yet.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { newClient } from './helpers/client-fake-backend.js';
import { disposeClientsAndGoOnline, failFetching, failedFetches } from './helpers/failing-fetches.js';
import { LIVE_CODE, liveBackend } from './helpers/live-backend.js';

afterEach(disposeClientsAndGoOnline);

describe('Live updates code that cannot be fetched (offline)', () => {
  it('opens the stream when the browser is back online', async () => {
    await failFetching(LIVE_CODE);
    const { backend, streams } = liveBackend();
    const events = new EventTarget();
    const client = newClient(backend, { eventTarget: events });
    client.subscribe(() => undefined);
    await waitUntil(async () => (await failedFetches()) > 0, 'the code was asked for and failed');
    expect(client.liveConnected).to.equal(false);
    expect(streams).to.have.length(0);

    await failFetching(null);
    // Back online (told again until it shows: the failed fetch may still be settling when first told).
    await waitUntil(() => {
      events.dispatchEvent(new Event('online'));
      return client.liveConnected;
    }, 'the stream opens once the code arrives');
    expect(streams).to.have.length(1);
  });
});
