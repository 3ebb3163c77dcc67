/**
 * The client's live updates (`src/client/live-client.ts`) load with its first subscriber: a page of
 * cards, which subscribes to nothing, never downloads them (issue 18). A file of its own: the page must
 * not have the module yet.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { ClientChange } from '../src/client/types.js';
import { disposeClients, newClient } from './helpers/client-fake-backend.js';
import { liveBackend, liveCodeFetched } from './helpers/live-backend.js';

afterEach(disposeClients);

describe('Live updates loaded with the first subscriber', () => {
  it('a client that only reads does not fetch the live code; its first subscriber does, and sees pushed changes', async () => {
    const { backend, streams, push } = liveBackend();
    const client = newClient(backend);
    await client.people(['p1', 'p2']);
    expect(liveCodeFetched(), 'live-client.ts not fetched by a client without subscribers').to.equal(false);
    expect(streams, 'no stream opened').to.have.length(0);

    const changes: ClientChange[] = [];
    client.subscribe((change) => changes.push(change));
    await waitUntil(() => client.liveConnected, 'the stream is open once its code has arrived');
    expect(liveCodeFetched(), 'fetched for the first subscriber').to.equal(true);

    push({ id: '2', type: 'endorsement', data: { personId: 'p1' } });
    expect(changes).to.deep.equal([{ topic: 'people', ids: ['p1'] }]);
    // A second subscriber shares the stream.
    client.subscribe(() => undefined);
    expect(streams).to.have.length(1);
  });
});
