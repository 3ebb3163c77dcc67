import { expect, html, waitUntil } from '@open-wc/testing';
import '../src/elements/invite/define.js';
import '../src/elements/ambassador-programme/define.js';
import '../src/elements/welcome/define.js';
import type { KringKudosFeed } from '../src/elements/kudos-feed/kudos-feed.js';
import { GrowthFakeBackend, invitedBackend, mountInCommunity } from './helpers/invite-fake-backend.js';
import { $$, inCommunity, testBackend } from './helpers/kudos.js';

/* `heading-level` on every element that renders headings, and fewer landmarks (1.3.1). */

const headings = (element: Element) =>
  [...element.shadowRoot!.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((node) => node.localName);

/** Landmarks an element adds: named sections and regions (scroll containers of tables aside). */
const landmarks = (element: Element) =>
  [
    ...element.shadowRoot!.querySelectorAll('section[aria-labelledby], section[aria-label], [role="region"]'),
  ].filter((node) => !node.querySelector('table'));

describe('heading levels and landmarks', () => {
  it('invite: heading-level="3" puts its title at h3 and its parts at h4; one landmark', async () => {
    const backend = new GrowthFakeBackend();
    const element = await mountInCommunity<HTMLElement>(
      backend,
      html`<kring-invite heading-level="3"></kring-invite>`,
    );
    await waitUntil(() => element.shadowRoot!.querySelector('[part="form"]'), 'loaded');
    expect(headings(element)[0]).to.equal('h3');
    expect(headings(element).slice(1)).to.satisfy(
      (rest: string[]) => rest.length > 0 && rest.every((tag) => tag === 'h4'),
    );
    expect(landmarks(element).length).to.equal(1);
  });

  it('invite without the attribute keeps h2 and h3', async () => {
    const backend = new GrowthFakeBackend();
    const element = await mountInCommunity<HTMLElement>(backend, html`<kring-invite></kring-invite>`);
    await waitUntil(() => element.shadowRoot!.querySelector('[part="form"]'), 'loaded');
    expect(headings(element)[0]).to.equal('h2');
    expect(headings(element)).to.include('h3');
  });

  it('programme: heading-level="3" gives h3, h4 and h5', async () => {
    const backend = new GrowthFakeBackend();
    backend.roles.set('me', ['writer']);
    backend.capabilities.manageBadges = true;
    const element = await mountInCommunity<HTMLElement>(
      backend,
      html`<kring-ambassador-programme heading-level="3"></kring-ambassador-programme>`,
    );
    await waitUntil(() => element.shadowRoot!.querySelector('[part="roles"]'), 'loaded');
    expect(new Set(headings(element))).to.deep.equal(new Set(['h3', 'h4', 'h5']));
    expect(landmarks(element).length).to.equal(1);
  });

  it('kudos feed: heading-level="4" makes each kudos heading an h4', async () => {
    const setup = testBackend();
    const { element: feed } = await inCommunity<KringKudosFeed>(
      setup.backend,
      html`<kring-kudos-feed limit="2" heading-level="4"></kring-kudos-feed>`,
    );
    await waitUntil(() => $$(feed, 'article[data-kudos-id]').length > 0, 'loaded', { timeout: 8000 });
    expect(new Set(headings(feed))).to.deep.equal(new Set(['h4']));
    const article = $$(feed, 'article[data-kudos-id]')[0];
    expect(feed.shadowRoot!.getElementById(article.getAttribute('aria-labelledby')!)!.localName).to.equal(
      'h4',
    );
  });

  it('welcome: heading-level="4" puts its title at h4; one landmark', async () => {
    const backend = invitedBackend();
    const element = await mountInCommunity<HTMLElement>(
      backend,
      html`<kring-welcome token="tok-1" heading-level="4"></kring-welcome>`,
    );
    await waitUntil(() => element.shadowRoot!.querySelector('[part="join"], button'), 'loaded');
    expect(headings(element)[0]).to.equal('h4');
    expect(headings(element).every((tag) => tag >= 'h4')).to.equal(true);
    expect(landmarks(element).length).to.equal(1);
  });
});
