import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { nextEvent } from './helpers/assertions.js';
import '../src/index.js';
import type { KringCommunity } from '../src/elements/community/community.js';
import type { KringProfileCard } from '../src/elements/profile-card/profile-card.js';
import { registerBackend, type BackendSettings } from '../src/backends/registry.js';
import { configure } from '../src/configure.js';
import { registerTestBackend } from './helpers/backends.js';
import { createDemoBackend } from '../src/backends/demo/index.js';
import { TEST_NOW } from './helpers/clock.js';

function captureConsoleErrors(): { messages: string[]; restore: () => void } {
  const messages: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => messages.push(args.map(String).join(' '));
  return { messages, restore: () => (console.error = original) };
}

function cardName(card: KringProfileCard): string | undefined {
  return card.shadowRoot!.querySelector('[part~="name"]')?.textContent?.trim();
}

describe('<kring-community>', () => {
  // First in this file: the problems' texts load with the first problem, which this must be.
  it('shows a problem in its language when its update completes, though the text loads with the first problem', async () => {
    const errors = captureConsoleErrors();
    try {
      const el = await fixture<KringCommunity>(
        html`<kring-community lang="nl" tracking="misschien"></kring-community>`,
      );
      const message = el.shadowRoot!.querySelector('[part="message"]');
      expect(message?.textContent).to.equal(
        'Configuratieprobleem: <kring-community> tracking="misschien" is not valid; use one of: on, off.',
      );
      expect(message!.getAttribute('role')).to.equal('alert');
      await expect(el).to.be.accessible();
    } finally {
      errors.restore();
    }
  });

  it('connects the demo backend by default and announces readiness', async () => {
    const el = document.createElement('kring-community') as KringCommunity;
    const ready = nextEvent(el, 'kring-ready', { failOn: 'kring-error' });
    document.body.append(el);
    const event = await ready;
    expect(event.detail.client.backendName).to.equal('demo');
    expect(el.communityClient).to.equal(event.detail.client);
    el.remove();
  });

  it('passes endpoint and site-url to the backend factory', async () => {
    configure({ trustedOrigins: ['https://intra.example'] });
    after(() => configure({ trustedOrigins: undefined }));
    let received: BackendSettings | undefined;
    registerBackend('capture', (settings) => {
      received = settings;
      return createDemoBackend({ persist: false, now: TEST_NOW });
    });
    const el = await fixture<KringCommunity>(
      html`<kring-community
        backend="capture"
        endpoint="/api/kring"
        site-url="https://intra.example/sites/hr"
      ></kring-community>`,
    );
    await waitUntil(() => el.communityClient, 'client created');
    expect(received?.endpoint).to.equal('/api/kring');
    expect(received?.siteUrl).to.equal('https://intra.example/sites/hr');
  });

  describe('credentials go only to trusted origins', () => {
    const seen: { url: string; authorization: string | null; nonce: string | null }[] = [];
    const spy: typeof fetch = async (input, init) => {
      const headers = new Headers(init?.headers);
      seen.push({
        url: String(input),
        authorization: headers.get('authorization'),
        nonce: headers.get('x-wp-nonce'),
      });
      return new Response(JSON.stringify({ id: 'me@example.test', name: 'Me', skills: [] }), {
        headers: { 'content-type': 'application/json' },
      });
    };
    beforeEach(() => {
      seen.length = 0;
      configure({
        fetch: spy,
        getToken: async () => 'graph-token',
        rest: { getToken: async () => 'rest-token' },
        csrf: { header: 'X-WP-Nonce', value: 'n0nce' },
      });
    });
    afterEach(() =>
      configure({
        fetch: undefined,
        getToken: undefined,
        rest: undefined,
        csrf: undefined,
        trustedOrigins: undefined,
      }),
    );

    it('refuses a cross-origin endpoint visibly, and that origin never sees a token', async () => {
      const errors = captureConsoleErrors();
      try {
        const el = await fixture<KringCommunity>(
          html`<kring-community backend="rest" endpoint="https://other.example/x" tracking="off">
            <kring-profile-card person="me"></kring-profile-card>
          </kring-community>`,
        );
        await waitUntil(() => el.shadowRoot!.querySelector('[part="message"]'), 'message shown');
        const text = el.shadowRoot!.querySelector('[part="message"]')!.textContent!;
        expect(text).to.contain('endpoint="https://other.example/x"');
        expect(text).to.contain('trustedOrigins');
        expect(el.communityClient).to.equal(undefined);
        expect(seen, 'nothing was sent anywhere').to.deep.equal([]);
        const sharepoint = await fixture<KringCommunity>(
          html`<kring-community
            backend="sharepoint"
            site-url="https://other.example/sites/x"
          ></kring-community>`,
        );
        await waitUntil(() => sharepoint.shadowRoot!.querySelector('[part="message"]'), 'message shown');
        expect(sharepoint.shadowRoot!.textContent).to.contain('site-url="https://other.example/sites/x"');
        expect(seen).to.deep.equal([]);
      } finally {
        errors.restore();
      }
    });

    it('sends the REST token and CSRF header to an origin allowed in JavaScript, never the Graph token', async () => {
      configure({ trustedOrigins: ['https://other.example'] });
      const el = await fixture<KringCommunity>(
        html`<kring-community
          backend="rest"
          endpoint="https://other.example/x"
          tracking="off"
        ></kring-community>`,
      );
      await waitUntil(() => el.communityClient, 'connected');
      await el.communityClient!.currentUser();
      expect(seen[0]).to.deep.equal({
        url: 'https://other.example/x/me',
        authorization: 'Bearer rest-token',
        nonce: 'n0nce',
      });
      expect(seen.some((request) => request.authorization?.includes('graph-token'))).to.equal(false);
    });
  });

  it('shows a clear message and logs one console error for a bad backend value', async () => {
    const errors = captureConsoleErrors();
    try {
      const el = await fixture<KringCommunity>(html`<kring-community backend="oracle"></kring-community>`);
      await waitUntil(() => el.shadowRoot!.querySelector('[part="message"]'), 'message shown');
      const text = el.shadowRoot!.querySelector('[part="message"]')!.textContent!;
      expect(text).to.contain('backend="oracle"');
      expect(text).to.contain('demo, rest, sharepoint, graph');
      expect(el.shadowRoot!.querySelector('[part="message"]')!.getAttribute('role')).to.equal('alert');
      const ours = errors.messages.filter((message) => message.includes('kring-community'));
      expect(ours).to.have.length(1);
      expect(ours[0]).to.contain('backend');
      await expect(el).to.be.accessible();
    } finally {
      errors.restore();
    }
  });

  it('rejects a bad tracking value visibly and keeps tracking off', async () => {
    const errors = captureConsoleErrors();
    try {
      const el = await fixture<KringCommunity>(html`<kring-community tracking="maybe"></kring-community>`);
      await waitUntil(() => el.communityClient, 'client created');
      await el.updateComplete;
      expect(el.communityClient!.tracking).to.equal(false);
      expect(el.shadowRoot!.textContent).to.contain('tracking="maybe"');
      expect(errors.messages.filter((message) => message.includes('tracking'))).to.have.length(1);
    } finally {
      errors.restore();
    }
  });

  it('switches tracking on and off from the attribute', async () => {
    const el = await fixture<KringCommunity>(html`<kring-community tracking="off"></kring-community>`);
    await waitUntil(() => el.communityClient, 'client created');
    expect(el.communityClient!.tracking).to.equal(false);
    el.setAttribute('tracking', 'on');
    await el.updateComplete;
    expect(el.communityClient!.tracking).to.equal(true);
  });

  it('renders its children in the language it is given', async () => {
    const { name } = registerTestBackend();
    const el = await fixture<KringCommunity>(
      html`<kring-community backend=${name} lang="nl"
        ><kring-profile-card person="nobody-here"></kring-profile-card
      ></kring-community>`,
    );
    const card = el.querySelector('kring-profile-card')!;
    await waitUntil(() => card.shadowRoot!.textContent!.includes('niet gevonden'), 'Dutch not-found message');
    el.setAttribute('lang', 'en');
    await card.requestUpdate();
    await waitUntil(() => card.shadowRoot!.textContent!.includes('not found'), 'English after switching');
  });

  it('with page, provides to elements in separate subtrees; a nested community wins', async () => {
    const page = registerTestBackend();
    const nested = registerTestBackend();
    const container = await fixture<HTMLDivElement>(
      html`<div>
        <kring-community backend=${page.name} page></kring-community>
        <section class="webpart-a"><kring-profile-card person="me"></kring-profile-card></section>
        <section class="webpart-b">
          <kring-community backend=${nested.name}
            ><kring-profile-card person="me"></kring-profile-card
          ></kring-community>
        </section>
      </div>`,
    );
    const [outside, inside] = Array.from(container.querySelectorAll('kring-profile-card'));
    await waitUntil(() => cardName(outside) && cardName(inside), 'both cards show a name');
    expect(page.calls.currentUser?.length ?? 0).to.be.greaterThan(0);
    expect(nested.calls.currentUser?.length ?? 0).to.be.greaterThan(0);
    // The nested card must have used the nested backend only.
    expect(page.calls.currentUser!.length).to.equal(1);
    expect(nested.calls.currentUser!.length).to.equal(1);
  });

  it('answers elements that were on the page before the community appeared', async () => {
    const { name } = registerTestBackend();
    const card = await fixture<KringProfileCard>(html`<kring-profile-card person="me"></kring-profile-card>`);
    expect(cardName(card)).to.equal(undefined);
    const community = document.createElement('kring-community');
    community.setAttribute('backend', name);
    community.setAttribute('page', '');
    document.body.append(community);
    await waitUntil(() => cardName(card), 'card got the late page provider');
    community.remove();
  });

  it('uses the backend given through Kring.configure when no backend attribute is set', async () => {
    const { backend, calls } = (await import('./helpers/backends.js')).instrument(
      createDemoBackend({ persist: false, seed: 7, now: TEST_NOW }),
    );
    configure({ backend });
    try {
      const el = await fixture<KringCommunity>(html`<kring-community></kring-community>`);
      await waitUntil(() => el.communityClient, 'client created');
      await el.communityClient!.currentUser();
      expect(calls.currentUser).to.have.length(1);
    } finally {
      configure({ backend: undefined });
    }
  });

  it('gives backend="demo" the clock set with Kring.configure({ demo: { now } })', async () => {
    configure({ demo: { now: new Date('2031-03-15T12:00:00.000Z'), persist: false, latencyMs: 0 } });
    try {
      const el = await fixture<KringCommunity>(html`<kring-community backend="demo"></kring-community>`);
      await waitUntil(() => el.communityClient, 'client created');
      const [newest] = (await el.communityClient!.listKudos({ limit: 1 })).items;
      expect(newest.createdAt.slice(0, 7)).to.equal('2031-03');
    } finally {
      configure({ demo: undefined });
    }
  });

  it('tells an element with no community (after a wait) and logs one console error naming the fix', async () => {
    const errors = captureConsoleErrors();
    try {
      const card = await fixture<KringProfileCard>(
        html`<kring-profile-card person="me"></kring-profile-card>`,
      );
      await waitUntil(
        () => card.shadowRoot!.textContent!.includes('This part of the page cannot load right now.'),
        'not-connected message',
        { timeout: 8000 },
      );
      expect(
        errors.messages.filter((message) => message.includes('found no <kring-community>')),
      ).to.have.length(1);
      await expect(card).to.be.accessible();
      // A community that arrives later still connects it.
      const { name } = registerTestBackend();
      const community = document.createElement('kring-community');
      community.setAttribute('backend', name);
      community.setAttribute('page', '');
      document.body.append(community);
      await waitUntil(() => cardName(card), 'card connected after all');
      community.remove();
    } finally {
      errors.restore();
    }
  });
  it('keeps working when moved in the page, and disposes the backends it created once let go', async () => {
    const made: { disposed: number }[] = [];
    registerBackend('disposable', () => {
      const record = { disposed: 0 };
      made.push(record);
      return Object.assign(
        createDemoBackend({ persist: false, storage: null, latencyMs: 0, now: TEST_NOW }),
        {
          dispose: () => record.disposed++,
        },
      );
    });
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <kring-community backend="disposable" tracking="off">
          <kring-profile-card person="p00002"></kring-profile-card>
        </kring-community>
      </div>`,
    );
    const community = wrapper.querySelector('kring-community') as KringCommunity;
    const card = community.querySelector('kring-profile-card') as KringProfileCard;
    await waitUntil(() => cardName(card), 'card connected');
    const before = community.communityClient;

    // A CMS re-renders its blocks: the same element lands somewhere else.
    const elsewhere = await fixture<HTMLDivElement>(html`<section></section>`);
    elsewhere.append(community);
    await waitUntil(() => community.communityClient, 'a client again after the move');
    expect(community.communityClient).to.not.equal(before);
    expect(
      made.map((record) => record.disposed),
      'the first backend was let go once',
    ).to.deep.equal([1, 0]);
    const firstName = cardName(card);
    card.person = 'p00003';
    await waitUntil(() => cardName(card) && cardName(card) !== firstName, 'the card loads another person');

    // Switching the backend attribute lets the old one go; removal lets the last one go.
    const moved = community.communityClient;
    community.backend = 'demo';
    await waitUntil(() => community.communityClient && community.communityClient !== moved, 'switched');
    expect(made.map((record) => record.disposed)).to.deep.equal([1, 1]);
    community.remove();
    expect(made).to.have.length(2);
  });

  it('uses the newest backend when the attribute changes while a slow one connects, and disposes the slow one', async () => {
    let release!: () => void;
    let slowDisposed = 0;
    const name = `slow-${Date.now()}`;
    registerBackend(name, async () => {
      await new Promise<void>((resolve) => (release = resolve));
      return Object.assign(createDemoBackend({ persist: false, storage: null, now: TEST_NOW }), {
        dispose: () => slowDisposed++,
      });
    });
    const fast = registerTestBackend();
    const community = await fixture<KringCommunity>(
      html`<kring-community backend=${name} tracking="off"></kring-community>`,
    );
    await waitUntil(() => release !== undefined, 'the slow backend is being made');
    community.backend = fast.name;
    await waitUntil(() => community.communityClient, 'connected to the newer backend');
    const newest = community.communityClient;
    release();
    await waitUntil(() => slowDisposed === 1, 'the slow backend, made too late, is disposed');
    expect(community.communityClient, 'the newer backend stays').to.equal(newest);
    expect(community.communityClient!.backendName).to.equal(fast.backend.name);
  });

  it('leaves a backend given through Kring.configure to the page', async () => {
    let disposed = 0;
    const backend = Object.assign(createDemoBackend({ persist: false, storage: null, now: TEST_NOW }), {
      dispose: () => disposed++,
    });
    configure({ backend });
    try {
      const el = await fixture<KringCommunity>(html`<kring-community></kring-community>`);
      await waitUntil(() => el.communityClient, 'client created');
      el.remove();
      expect(disposed).to.equal(0);
    } finally {
      configure({ backend: undefined });
    }
  });
});
