// Moving an element in the page disconnects it and connects it again at once (a list re-sorted, a
// panel opened elsewhere). Elements that follow client changes must keep following after a move.
// The profile card's case is in profile-card.test.ts.
import { expect, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import type { KringKudosFeed } from '../src/elements/kudos-feed/kudos-feed.js';
import { $, $$, inCommunity, shadowText, testBackend } from './helpers/kudos.js';

describe('elements moved in the page', () => {
  it('a kudos feed shows a kudos given after it was moved', async function () {
    this.timeout(20_000);
    const setup = testBackend();
    const {
      community,
      client,
      element: feed,
    } = await inCommunity<KringKudosFeed>(
      setup.backend,
      html`<kring-kudos-feed limit="5"></kring-kudos-feed>`,
    );
    await waitUntil(() => $$(feed, 'article[data-kudos-id]').length > 0, 'feed loaded', { timeout: 8000 });
    const elsewhere = document.createElement('section');
    community.append(elsewhere);
    elsewhere.append(feed);
    await feed.updateComplete;
    const kudos = await client.giveKudos({ to: ['p00003'], message: 'Verhuisd en toch gezien' });
    await waitUntil(
      () => $(feed, `article[data-kudos-id="${CSS.escape(kudos.id)}"]`),
      'the new kudos shows in the moved feed',
      { timeout: 8000 },
    );
    expect(shadowText(feed)).to.contain('Verhuisd en toch gezien');
  });
});
