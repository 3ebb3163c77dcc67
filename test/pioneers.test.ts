import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/index.js';
import '../src/elements/pioneers/define.js';
import { setupWorker } from 'msw/browser';
import { createDemoBackend } from '../src/backends/demo/index.js';
import { registerBackend } from '../src/backends/registry.js';
import { createRestBackend } from '../src/backends/rest/index.js';
import { BackendError } from '../src/errors.js';
import { createRestHandlers } from '../mocks/rest/handlers.js';
import { never, registerTestBackend } from './helpers/backends.js';
import { TEST_NOW } from './helpers/clock.js';
import type { Person, PioneerRank } from '../src/model.js';

const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();
const part = (el: Element, name: string) => el.shadowRoot!.querySelector(`[part~="${name}"]`);

async function renderPioneers(backendName: string, attributes: { limit?: string; lang?: string } = {}) {
  const community = await fixture(
    html`<kring-community backend=${backendName} lang=${attributes.lang ?? 'en'}>
      <kring-pioneers limit=${attributes.limit ?? '5'}></kring-pioneers>
    </kring-community>`,
  );
  return community.querySelector('kring-pioneers')!;
}

const ranks: PioneerRank[] = [
  {
    personId: 'p00002',
    score: 3.75,
    departmentsReached: 3,
    reasons: [
      { kind: 'kudos', departments: 2, count: 4 },
      { kind: 'invites', departments: 1, count: 1 },
    ],
  },
  {
    personId: 'nobody-known',
    score: 1.5,
    departmentsReached: 1,
    reasons: [{ kind: 'endorsements', departments: 1, count: 1 }],
  },
];

describe('<kring-pioneers>', () => {
  it('lists people with how many departments they reach and why', async () => {
    const { name, calls, backend } = registerTestBackend({ pioneers: async () => ranks });
    const [person] = (await backend.getPeople(['p00002'])) as Person[];
    const pioneers = await renderPioneers(name, { limit: '5' });
    await waitUntil(() => part(pioneers, 'list'), 'list shown');
    expect(calls.pioneers[0][0]).to.deep.equal({ limit: 5 });
    const items = [...pioneers.shadowRoot!.querySelectorAll('[part~="pioneer"]')];
    expect(items).to.have.length(2);
    expect(items[0].querySelector('[part~="name"]')!.textContent!.trim()).to.equal(person.name);
    expect(items[0].querySelector('[part~="reach"]')!.textContent!.trim()).to.equal(
      'Reaches 3 other departments',
    );
    expect(items[0].querySelector('[part~="reasons"]')!.textContent!.trim()).to.equal(
      'kudos (4×) with 2 other departments · accepted invitations (1×) with 1 other department',
    );
    expect(items[1].querySelector('[part~="name"]')!.textContent!.trim()).to.equal(
      'Unknown colleague (nobody-known)',
    );
    expect(items[1].querySelector('[part~="reach"]')!.textContent!.trim()).to.equal(
      'Reaches 1 other department',
    );
    await expect(pioneers).to.be.accessible();
  });

  it('speaks Dutch', async () => {
    const { name } = registerTestBackend({ pioneers: async () => ranks });
    const pioneers = await renderPioneers(name, { lang: 'nl' });
    await waitUntil(() => part(pioneers, 'list'), 'list shown');
    expect(text(pioneers)).to.contain('Pioniers: wie verbindt afdelingen');
    expect(part(pioneers, 'reach')!.textContent!.trim()).to.equal('Bereikt 3 andere afdelingen');
  });

  it('shows loading, empty and error with retry', async () => {
    const loading = await renderPioneers(registerTestBackend({ pioneers: () => never() }).name);
    await waitUntil(() => part(loading, 'status'), 'loading');
    expect(text(loading)).to.contain('Loading the figures');
    await expect(loading).to.be.accessible();

    const empty = await renderPioneers(registerTestBackend({ pioneers: async () => [] }).name);
    await waitUntil(() => text(empty).includes('Nobody connects'), 'empty');
    await expect(empty).to.be.accessible();

    let fail = true;
    const failing = registerTestBackend({
      pioneers: async () => {
        // A failure worth retrying (a refusal is said differently: see "signed in as management").
        if (fail) throw new BackendError('server', 'The ranking is being rebuilt.');
        return ranks;
      },
    });
    const errored = await renderPioneers(failing.name);
    // A server error is said after the client's read retries (300/600/1,200 ms with jitter): a limit, not a wait.
    await waitUntil(() => part(errored, 'retry'), 'error', { timeout: 5000 });
    expect(text(errored)).to.contain('The ranking is being rebuilt.');
    await expect(errored).to.be.accessible();
    fail = false;
    (part(errored, 'retry') as HTMLButtonElement).click();
    await waitUntil(() => part(errored, 'list'), 'list after retry');
  });

  describe('signed in as management, over REST', () => {
    // The contract's roles: management reads the figures, but 403 pioneers.forbidden for this list.
    const endpoint = '/api/pioneers-roles';
    const options = { persist: false, storage: null, now: TEST_NOW, latencyMs: 0 };
    const company = createDemoBackend(options).demo;
    const management = company.data.people.find(
      (person) => person.isManagement && person.id !== company.communityManagerId,
    )!;
    const backend = createDemoBackend({ ...options, currentUserId: management.id });
    const worker = setupWorker(...createRestHandlers({ endpoint, backend }));
    const name = `rest-management-${Date.now()}`;
    before(async () => {
      await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
      registerBackend(name, () => createRestBackend({ endpoint }));
    });
    after(() => worker.stop());

    for (const [lang, said] of [
      ['en', 'only community managers see it'],
      ['nl', 'alleen communitymanagers'],
    ] as const)
      it(`says who may see the list (${lang}), without a spinner, an error or a retry`, async () => {
        const pioneers = await renderPioneers(name, { lang });
        await waitUntil(() => text(pioneers).includes(said), 'refusal shown', { timeout: 8000 });
        expect(part(pioneers, 'retry')).to.equal(null);
        expect(part(pioneers, 'list')).to.equal(null);
        expect(pioneers.shadowRoot!.querySelector('[aria-busy="true"]')).to.equal(null);
        expect(pioneers.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
        // Not the server's English reason, nor a stack.
        expect(text(pioneers)).not.to.contain('The pioneers list is for community managers.');
        expect(text(pioneers)).not.to.match(/Error|at \S+ \(/);
        await expect(pioneers).to.be.accessible();
      });
  });

  it('reports a bad limit once and uses 10', async () => {
    const { name, calls } = registerTestBackend({ pioneers: async () => ranks });
    const errors: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      const pioneers = await renderPioneers(name, { limit: 'lots' });
      await waitUntil(() => part(pioneers, 'list'), 'list shown');
      expect(calls.pioneers[0][0]).to.deep.equal({ limit: 10 });
      expect(text(pioneers)).to.contain('limit="lots" is not valid');
      expect(errors.filter((args) => String(args[0]).includes('lots'))).to.have.length(1);
    } finally {
      console.error = original;
    }
  });

  it('ranks the demo community from public acts', async () => {
    const { name } = registerTestBackend();
    const pioneers = await renderPioneers(name, { limit: '5' });
    await waitUntil(
      () => part(pioneers, 'list') || part(pioneers, 'status')?.textContent?.includes('Nobody'),
      'shown',
      {
        timeout: 8000,
      },
    );
    const reaches = [...pioneers.shadowRoot!.querySelectorAll('[part~="reach"]')].map((node) =>
      Number(/\d+/.exec(node.textContent!)![0]),
    );
    expect(reaches.length).to.be.within(1, 5);
    // Highest reach first.
    expect([...reaches].sort((a, b) => b - a)).to.deep.equal(reaches);
    await expect(pioneers).to.be.accessible();
  });
});
