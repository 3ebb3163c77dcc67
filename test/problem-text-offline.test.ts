import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import '../src/index.js';
import { KringElement } from '../src/elements/shared/kring-element.js';

// The texts an element shows when it cannot reach a community load with the first problem (issue 18). When
// that load fails too (offline, a deploy that removed the file), the element must still say it cannot load
// instead of showing its loading state for ever.
const worker = setupWorker(http.get(/community-problems/, () => HttpResponse.error()));

const message = (element: Element) =>
  element.shadowRoot?.querySelector('[part~="problem"]:is(.not-connected, .problem)')?.textContent?.trim();

describe('an element whose problem texts cannot load', () => {
  let waitMs: number;
  before(async () => {
    await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
  });
  after(() => worker.stop());
  beforeEach(() => {
    waitMs = KringElement.notConnectedAfterMs;
    KringElement.notConnectedAfterMs = 50;
  });
  afterEach(() => {
    KringElement.notConnectedAfterMs = waitMs;
    worker.resetHandlers();
  });

  it('says it cannot load (in the one sentence the core has), and the next problem loads the texts again', async () => {
    const first = await fixture<HTMLElement>(
      html`<kring-profile-card lang="nl" person="p00002"></kring-profile-card>`,
    );
    await waitUntil(() => message(first), 'the card says it cannot load', { timeout: 4000 });
    expect(message(first)).to.equal('This part of the page cannot load right now.');
    await expect(first).to.be.accessible();

    // Back online: the next element without a community loads the texts and speaks the page's language.
    worker.resetHandlers(http.get(/never-matches-anything/, () => HttpResponse.error()));
    const second = await fixture<HTMLElement>(
      html`<kring-profile-card lang="nl" person="p00003"></kring-profile-card>`,
    );
    await waitUntil(() => message(second), 'the second card says it cannot load', { timeout: 4000 });
    expect(message(second)).to.equal('Dit deel van de pagina kan nu niet laden.');
  });
});
