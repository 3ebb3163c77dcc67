// Enumerated attributes are typed by hand in CMS editors: any case means the same value, and a value
// that names nothing is shown where the user looks (not a spinner that never stops) and logged once.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { nextEvent } from './helpers/assertions.js';
import '../src/index.js';
import type { KringCommunity } from '../src/elements/community/community.js';
import type { KringProfileCard } from '../src/elements/profile-card/profile-card.js';
import type { KringInvite } from '../src/elements/invite/invite.js';
import { KringElement } from '../src/elements/shared/kring-element.js';
import { allowedValue } from '../src/attribute-values.js';
import { BACKEND_NAMES } from '../src/backends/registry.js';

function captureConsoleErrors(): { messages: string[]; restore: () => void } {
  const messages: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => messages.push(args.map(String).join(' '));
  return { messages, restore: () => (console.error = original) };
}

const problem = (element: Element) =>
  element.shadowRoot?.querySelector('[part~="problem"]')?.textContent?.trim() ?? '';

describe('enumerated attributes', () => {
  it('name an allowed value in any case and with spaces around it', () => {
    expect(allowedValue('REST', BACKEND_NAMES)).to.equal('rest');
    expect(allowedValue(' SharePoint ', BACKEND_NAMES)).to.equal('sharepoint');
    expect(allowedValue('oracle', BACKEND_NAMES)).to.equal(undefined);
    expect(allowedValue('', BACKEND_NAMES)).to.equal(undefined);
  });

  it('backend="DEMO" and tracking="OFF" connect the demo backend with tracking off, with no console error', async () => {
    const errors = captureConsoleErrors();
    try {
      const community = document.createElement('kring-community') as KringCommunity;
      community.setAttribute('backend', 'DEMO');
      community.setAttribute('tracking', 'OFF');
      const ready = nextEvent(community, 'kring-ready', { failOn: 'kring-error' });
      document.body.append(community);
      try {
        const { detail } = await ready;
        expect(detail.client.backendName).to.equal('demo');
        expect(detail.client.tracking).to.equal(false);
        await community.updateComplete;
        expect(community.shadowRoot!.querySelector('[part="message"]')).to.equal(null);
      } finally {
        community.remove();
      }
      expect(errors.messages.filter((message) => message.includes('kring'))).to.deep.equal([]);
    } finally {
      errors.restore();
    }
  });

  it('backend="REST" creates the REST backend', async () => {
    const community = document.createElement('kring-community') as KringCommunity;
    community.setAttribute('backend', 'REST');
    community.setAttribute('endpoint', '/api/kring');
    const ready = nextEvent(community, 'kring-ready', { failOn: 'kring-error' });
    document.body.append(community);
    try {
      expect((await ready).detail.client.backendName).to.equal('rest');
    } finally {
      community.remove();
    }
  });

  it('element attributes too: view="FULL" opens the card, mode="Directory" shows the people picker', async () => {
    const errors = captureConsoleErrors();
    try {
      const community = await fixture<KringCommunity>(
        html`<kring-community backend="demo" tracking="off">
          <kring-profile-card person="me" view="FULL"></kring-profile-card>
          <kring-invite mode="Directory"></kring-invite>
        </kring-community>`,
      );
      const card = community.querySelector<KringProfileCard>('kring-profile-card')!;
      const invite = community.querySelector<KringInvite>('kring-invite')!;
      await waitUntil(
        () => card.shadowRoot!.querySelector('[part~="about"], [part~="skill-list"]'),
        'the full view',
      );
      expect(card.getAttribute('view')).to.equal('full');
      await waitUntil(() => invite.shadowRoot!.querySelector('[part~="picker"]'), 'the directory mode');
      expect(invite.shadowRoot!.querySelector('[part~="email"]')).to.equal(null);
      expect(problem(card) + problem(invite)).to.equal('');
      expect(errors.messages.filter((message) => message.includes('kring'))).to.deep.equal([]);
    } finally {
      errors.restore();
    }
  });
});

describe('a bad backend value', () => {
  let before: number;
  beforeEach(() => {
    before = KringElement.notConnectedAfterMs;
    // Far beyond the test: the message must come from the community's problem, not the "no community" timer.
    KringElement.notConnectedAfterMs = 600_000;
  });
  afterEach(() => {
    KringElement.notConnectedAfterMs = before;
  });

  it('makes every element show the configuration problem instead of loading, with one console error', async () => {
    const errors = captureConsoleErrors();
    try {
      const page = await fixture<HTMLDivElement>(html`<div></div>`);
      const community = document.createElement('kring-community') as KringCommunity;
      community.setAttribute('backend', 'oracle');
      community.innerHTML = `
        <kring-profile-card person="me"></kring-profile-card>
        <kring-kudos-feed></kring-kudos-feed>
        <kring-expertise-finder></kring-expertise-finder>
        <kring-pulse></kring-pulse>`;
      const failed = nextEvent(community, 'kring-error', { failOn: 'kring-ready' });
      page.append(community);
      const { detail } = await failed;
      expect(detail.attribute).to.equal('backend');

      const elements = [...community.children];
      await waitUntil(() => elements.every((element) => problem(element)), 'every element shows the problem');
      const expected =
        'Configuration problem: <kring-community> backend="oracle" is not valid; use one of: demo, rest, sharepoint, graph';
      for (const element of elements) expect(problem(element), element.localName).to.contain(expected);
      expect(community.shadowRoot!.querySelector('[part="message"]')!.textContent).to.contain(expected);
      await expect(page).to.be.accessible();

      const ours = errors.messages.filter((message) => message.includes('kring'));
      expect(ours).to.have.length(1);
      expect(ours[0]).to.contain(
        '<kring-community> backend="oracle" is not valid; use one of: demo, rest, sharepoint, graph',
      );

      // Fixing the attribute connects the community, and the elements load.
      community.setAttribute('backend', 'Demo');
      const card = elements[0];
      await waitUntil(() => card.shadowRoot!.querySelector('[part~="name"]'), 'the card loads its person');
      expect(elements.map(problem)).to.deep.equal(['', '', '', '']);
    } finally {
      errors.restore();
    }
  });

  it('reaches elements elsewhere on the page through <kring-community page>', async () => {
    const errors = captureConsoleErrors();
    try {
      const page = await fixture<HTMLDivElement>(
        html`<div>
          <section><kring-community page backend="Oracle"></kring-community></section>
          <section><kring-profile-card person="me"></kring-profile-card></section>
        </div>`,
      );
      const card = page.querySelector('kring-profile-card')!;
      await waitUntil(() => problem(card), 'the card shows the problem');
      expect(problem(card)).to.contain(
        '<kring-community> backend="Oracle" is not valid; use one of: demo, rest',
      );
      expect(errors.messages.filter((message) => message.includes('kring'))).to.have.length(1);
    } finally {
      errors.restore();
    }
  });
});
