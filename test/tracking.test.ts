import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import '../src/index.js';
import '../src/elements/pulse/define.js';
import '../src/elements/pioneers/define.js';
import { SeenController } from '../src/tracking/index.js';
import { configure } from '../src/configure.js';
import type { CommunityClientApi } from '../src/client/types.js';
import type { ActivityEvent } from '../src/model.js';
import { registerTestBackend } from './helpers/backends.js';
import { octoberMetrics } from './helpers/metrics-fixtures.js';

/** A bare element with the controller and a client that records what it is asked to track. */
class SeenProbe extends LitElement {
  tracked: unknown[] = [];
  client?: CommunityClientApi = {
    track: (event: unknown) => this.tracked.push(event),
  } as unknown as CommunityClientApi;
  seenController = new SeenController(this, () => this.client);
}
customElements.define('seen-probe', SeenProbe);

/** Resolves once the browser has reported `target`'s visibility at least once (and a frame later). */
function visibilityReported(target: Element): Promise<void> {
  return new Promise((resolve) => {
    const observer = new IntersectionObserver(() => {
      observer.disconnect();
      requestAnimationFrame(() => requestAnimationFrame(() => resolve()));
    });
    observer.observe(target);
  });
}

const trackedEvents = (calls: Record<string, unknown[][]>) =>
  (calls.track ?? []).flatMap((args) => args[0] as ActivityEvent[]);

describe('SeenController', () => {
  it('reports an element once, when at least half of it is visible', async () => {
    const probe = await fixture<SeenProbe>(
      html`<seen-probe
        style="display:block; position:fixed; left:0; height:100px; width:100px; top:calc(100vh - 30px)"
      ></seen-probe>`,
    );
    await visibilityReported(probe);
    // 30% visible: not seen.
    expect(probe.tracked).to.deep.equal([]);
    probe.style.top = '0px';
    await waitUntil(() => probe.tracked.length === 1, 'seen when fully visible');
    expect(probe.tracked).to.deep.equal([{ type: 'element-seen', subject: 'seen-probe' }]);
    // Scrolling away and back, or re-rendering, is the same page view: no second event.
    probe.style.top = '-200px';
    await visibilityReported(probe);
    probe.style.top = '0px';
    await visibilityReported(probe);
    probe.requestUpdate();
    await probe.updateComplete;
    expect(probe.tracked).to.have.length(1);
    expect(probe.seenController.seen).to.equal(true);
  });

  it('counts a dashboard taller than two screens once it fills half the screen', async () => {
    const probe = await fixture<SeenProbe>(
      html`<seen-probe
        style="display:block; position:absolute; left:0; width:100px; height:300vh; top:80vh"
      ></seen-probe>`,
    );
    await visibilityReported(probe);
    // Only a fifth of the screen shows it: not seen, although it will never be half visible.
    expect(probe.tracked).to.deep.equal([]);
    probe.style.top = '0px';
    await waitUntil(() => probe.tracked.length === 1, 'seen when it fills the screen');
  });

  it('waits for a client that arrives after the element became visible', async () => {
    const probe = document.createElement('seen-probe') as SeenProbe;
    const recorder = probe.client;
    probe.client = undefined;
    probe.style.cssText = 'display:block; height:50px';
    document.body.append(probe);
    try {
      await visibilityReported(probe);
      expect(probe.tracked).to.deep.equal([]);
      probe.client = recorder;
      probe.requestUpdate();
      await waitUntil(() => probe.tracked.length === 1, 'reported once the client is there');
    } finally {
      probe.remove();
    }
  });
});

describe('SeenController with tracking off', () => {
  it('watches nothing while the client does not record, and starts when it does', async () => {
    const probe = document.createElement('seen-probe') as SeenProbe;
    const tracked: unknown[] = [];
    const client = { tracking: false, track: (event: unknown) => tracked.push(event) };
    probe.client = client as unknown as CommunityClientApi;
    probe.style.cssText = 'display:block; height:50px';
    document.body.append(probe);
    try {
      await visibilityReported(probe);
      await probe.updateComplete;
      expect(tracked, 'visible, but tracking is off').to.deep.equal([]);
      client.tracking = true;
      probe.requestUpdate();
      await waitUntil(() => tracked.length === 1, 'seen once tracking is on');
      expect(tracked).to.deep.equal([{ type: 'element-seen', subject: 'seen-probe' }]);
    } finally {
      probe.remove();
    }
  });
});

describe('activity tracking through the client and a community', () => {
  afterEach(() => configure({ client: {} }));

  it('records element-seen for a visible <kring-pioneers> and sends it in one batch', async () => {
    configure({ client: { trackFlushMs: 50 } });
    const { name, calls } = registerTestBackend({ metrics: async () => octoberMetrics() });
    const community = await fixture(
      html`<kring-community backend=${name} tracking="on">
        <kring-pioneers limit="3"></kring-pioneers>
        <kring-pulse month="2026-10"></kring-pulse>
      </kring-community>`,
    );
    await waitUntil(
      () => trackedEvents(calls).some((event) => event.subject === 'kring-pioneers'),
      'seen event sent',
      {
        timeout: 5000,
      },
    );
    const seen = trackedEvents(calls).filter((event) => event.type === 'element-seen');
    const pioneers = seen.find((event) => event.subject === 'kring-pioneers')!;
    // Actor and time are filled in by the client; nothing else personal is sent.
    expect(Object.keys(pioneers).sort()).to.deep.equal(['actorId', 'at', 'subject', 'type']);
    expect(pioneers.actorId).to.be.a('string').and.not.equal('');
    expect(Number.isNaN(Date.parse(pioneers.at))).to.equal(false);
    expect(seen.filter((event) => event.subject === 'kring-pioneers')).to.have.length(1);
    community.remove();
  });

  it('batches several events into one backend call and flushes on pagehide', async () => {
    const { name, calls } = registerTestBackend();
    const community = await fixture(html`<kring-community backend=${name}></kring-community>`);
    const client = (community as unknown as { communityClient: CommunityClientApi }).communityClient;
    const me = await client.currentUser();
    client.track({ type: 'search', subject: 'typescript', actorId: me.id });
    client.track({ type: 'profile-opened', actorId: me.id });
    client.track({ type: 'reaction', actorId: me.id });
    // The default flush interval is seconds away: nothing sent yet.
    expect(calls.track ?? []).to.have.length(0);
    window.dispatchEvent(new Event('pagehide'));
    await waitUntil(() => (calls.track ?? []).length === 1, 'flushed on pagehide');
    expect((calls.track[0][0] as ActivityEvent[]).map((event) => event.type)).to.deep.equal([
      'search',
      'profile-opened',
      'reaction',
    ]);
    community.remove();
  });

  it('sends nothing with Kring.configure({ client: { tracking: false } }) and no tracking attribute', async () => {
    configure({ client: { tracking: false, trackFlushMs: 20 } });
    const off = registerTestBackend({ metrics: async () => octoberMetrics() });
    const community = await fixture(
      html`<kring-community backend=${off.name}>
        <kring-pioneers limit="3"></kring-pioneers>
      </kring-community>`,
    );
    const client = (community as unknown as { communityClient: CommunityClientApi }).communityClient;
    await waitUntil(() => client, 'connected');
    expect(client.tracking).to.equal(false);
    client.track({ type: 'search', subject: 'excel', actorId: 'p00002' });
    window.dispatchEvent(new Event('pagehide'));
    await client.flushActivity();
    expect(off.calls.track ?? []).to.have.length(0);
    community.remove();
  });

  it('sends nothing at all with tracking="off"', async () => {
    configure({ client: { trackFlushMs: 20 } });
    const off = registerTestBackend({ metrics: async () => octoberMetrics() });
    const on = registerTestBackend({ metrics: async () => octoberMetrics() });
    const page = await fixture(
      html`<div>
        <kring-community backend=${on.name} tracking="on">
          <kring-pioneers limit="3"></kring-pioneers>
        </kring-community>
        <kring-community backend=${off.name} tracking="off">
          <kring-pioneers limit="3"></kring-pioneers>
          <kring-pulse month="2026-10"></kring-pulse>
        </kring-community>
      </div>`,
    );
    const offCommunity = page.querySelectorAll('kring-community')[1];
    const offClient = (offCommunity as unknown as { communityClient: CommunityClientApi }).communityClient;
    await waitUntil(
      () => offCommunity.querySelector('kring-pulse')!.shadowRoot!.querySelector('[part~="headlines"]'),
      'pulse shown',
    );
    offClient.track({ type: 'search', subject: 'excel', actorId: 'p00002' });
    window.dispatchEvent(new Event('pagehide'));
    await offClient.flushActivity();
    // The community with tracking on sent its seen event in the same time, so the off one had every chance.
    await waitUntil(() => trackedEvents(on.calls).length > 0, 'the tracking community sent', {
      timeout: 5000,
    });
    await offClient.flushActivity();
    expect(off.calls.track ?? []).to.have.length(0);
    page.remove();
  });
});
