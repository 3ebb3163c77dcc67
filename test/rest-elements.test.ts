// The adapters behind real elements: one attribute switches a page from the REST backend to the
// SharePoint backend (both answered by msw), and server faults end in a visible, typed message.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/index.js';
import type { KringCommunity } from '../src/elements/community/community.js';
import type { KringProfileCard } from '../src/elements/profile-card/profile-card.js';
import { createDemoBackend } from '../src/backends/demo/index.js';
import { registerBackend } from '../src/backends/registry.js';
import { restBackendFactory } from '../src/backends/rest/index.js';
import { sharePointBackendFactory } from '../src/backends/sharepoint/index.js';
import { faults } from '../mocks/faults.js';
import { startMockServer, type MockServer } from '../mocks/rest/worker.js';
import { TEST_NOW } from './helpers/clock.js';

const endpoint = '/api/kring-elements';
const siteUrl = `${location.origin}/sites/kring-elements`;
const demo = createDemoBackend({ persist: false, storage: null, now: TEST_NOW });
let server: MockServer;
const person = demo.demo.data.people[3];

registerBackend('rest', restBackendFactory);
registerBackend('sharepoint', sharePointBackendFactory);

const shadowText = (card: KringProfileCard) => card.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();
const namePart = (card: KringProfileCard) =>
  card.shadowRoot!.querySelector('[part~="name"]')?.textContent?.trim();

async function render(backend: 'rest' | 'sharepoint', personId: string) {
  const community = await fixture<KringCommunity>(
    backend === 'rest'
      ? html`<kring-community backend="rest" endpoint=${endpoint} tracking="off">
          <kring-profile-card person=${personId}></kring-profile-card>
        </kring-community>`
      : html`<kring-community backend="sharepoint" site-url=${siteUrl} tracking="off">
          <kring-profile-card person=${personId}></kring-profile-card>
        </kring-community>`,
  );
  return community.querySelector('kring-profile-card')!;
}

describe('adapters behind elements', () => {
  before(async () => {
    server = await startMockServer({ endpoint, siteUrl, backend: demo });
  });
  afterEach(() => server.worker.resetHandlers());
  after(() => server.worker.stop());

  it('shows the same person through REST and through SharePoint', async () => {
    const viaRest = await render('rest', person.id);
    await waitUntil(() => namePart(viaRest), 'REST card shows a name', { timeout: 5000 });
    expect(namePart(viaRest)).to.equal(person.name);
    await expect(viaRest).to.be.accessible();

    const viaSharePoint = await render('sharepoint', person.email.toLowerCase());
    await waitUntil(() => namePart(viaSharePoint), 'SharePoint card shows a name', { timeout: 5000 });
    expect(namePart(viaSharePoint)).to.equal(person.name);
    expect(shadowText(viaSharePoint)).to.contain(person.title);
    await expect(viaSharePoint).to.be.accessible();
  });

  it('shows a readable error with a retry button for an HTML error page', async () => {
    server.worker.use(faults.htmlError(`${endpoint}/people/lookup`, { status: 502 }));
    const lookups: string[] = [];
    const count = ({ request }: { request: Request }) => {
      if (request.url.endsWith('/people/lookup')) lookups.push(request.url);
    };
    server.worker.events.on('request:start', count);
    const card = await render('rest', person.id);
    await waitUntil(() => card.shadowRoot!.querySelector('[part~="retry"]'), 'error state', {
      timeout: 8000,
    });
    server.worker.events.removeListener('request:start', count);
    expect(shadowText(card)).to.contain('502 Bad Gateway');
    // The client retries reads; the adapter under it does not, so retries do not multiply (4, not 16).
    expect(lookups).to.have.length(4);
    expect(shadowText(card)).to.not.contain('<');
    await expect(card).to.be.accessible();
  });

  it('shows a readable error for malformed JSON from SharePoint', async () => {
    server.worker.use(faults.malformedJson(`${siteUrl}/_api/SP.UserProfiles.PeopleManager/*`));
    const card = await render('sharepoint', person.email.toLowerCase());
    await waitUntil(() => card.shadowRoot!.querySelector('[part~="retry"]'), 'error state', {
      timeout: 8000,
    });
    expect(shadowText(card)).to.contain('could not be read');
    await expect(card).to.be.accessible();
  });
});
