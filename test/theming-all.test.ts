import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import '../src/index.js';
import type { Person } from '../src/model.js';
import { LEGACY_ALIASES } from '../src/styles/legacy.js';
import { registerTestBackend } from './helpers/backends.js';

/**
 * Every element follows the documented `--kring-color-*` tokens: what a user sees (the computed
 * colour, background or border of the element's own nodes) takes the page's values, in light and
 * dark, and a page themed with an older name (legacy.ts) keeps its colours.
 */

const THEME = {
  '--kring-color-accent': 'rgb(1, 2, 3)',
  '--kring-color-text': 'rgb(4, 5, 6)',
  '--kring-color-surface': 'rgb(7, 8, 9)',
  '--kring-color-border': 'rgb(10, 11, 12)',
  '--kring-color-danger': 'rgb(13, 14, 15)',
};
const styleOf = (theme: Record<string, string>) =>
  Object.entries(theme)
    .map(([name, value]) => `${name}: ${value}`)
    .join('; ');

type Role = 'accent' | 'text' | 'surface' | 'border' | 'danger';

interface Case {
  tag: string;
  markup: (backend: string) => TemplateResult;
  /** The colours that must show somewhere in the element's shadow root once it has settled. */
  shows: Role[];
  /** The element has finished loading. */
  ready: (element: Element) => boolean;
}

const settled = (element: Element) =>
  !!element.shadowRoot && !element.shadowRoot.querySelector('.skeleton, .loading, [aria-busy="true"]');

const SKILLED: Person = {
  id: 'p00002',
  name: 'Skilled Colleague',
  isManagement: false,
  links: [],
  skills: [{ name: 'Excel', level: 'expert', tags: [], endorsements: 2, endorsedByMe: false }],
};

const CASES: Case[] = [
  {
    tag: 'kring-profile-card',
    markup: () => html`<kring-profile-card person="me" view="full"></kring-profile-card>`,
    shows: ['text', 'surface', 'border', 'accent'],
    ready: (element) => !!element.shadowRoot?.querySelector('[part~="name"]'),
  },
  {
    tag: 'kring-kudos-feed',
    markup: () => html`<kring-kudos-feed limit="3"></kring-kudos-feed>`,
    shows: ['text', 'surface', 'border', 'accent'],
    ready: (element) => !!element.shadowRoot?.querySelector('.card'),
  },
  {
    tag: 'kring-kudos-composer',
    markup: () => html`<kring-kudos-composer></kring-kudos-composer>`,
    shows: ['text', 'surface', 'border', 'accent'],
    ready: (element) => !!element.shadowRoot?.querySelector('form'),
  },
  {
    tag: 'kring-people-picker',
    markup: () => html`<kring-people-picker label="Colleague"></kring-people-picker>`,
    shows: ['text', 'surface'],
    ready: (element) => !!element.shadowRoot?.querySelector('.field'),
  },
  {
    tag: 'kring-expertise-finder',
    markup: () => html`<kring-expertise-finder query="excel"></kring-expertise-finder>`,
    shows: ['text', 'surface', 'border'],
    ready: (element) => !!element.shadowRoot?.querySelector('[role="option"]'),
  },
  {
    tag: 'kring-skill-list',
    markup: () => html`<kring-skill-list .person=${SKILLED} view="full"></kring-skill-list>`,
    shows: ['text'],
    ready: (element) => !!element.shadowRoot?.querySelector('[part~="skill"]'),
  },
  {
    tag: 'kring-ambassador-badge',
    markup: () => html`<kring-ambassador-badge person="me" size="l"></kring-ambassador-badge>`,
    shows: ['text'],
    ready: (element) => !!element.shadowRoot?.querySelector('[part~="badge"]'),
  },
  {
    tag: 'kring-ambassador-programme',
    markup: () => html`<kring-ambassador-programme></kring-ambassador-programme>`,
    shows: ['text', 'accent'],
    ready: (element) => !!element.shadowRoot?.querySelector('button'),
  },
  {
    tag: 'kring-invite',
    markup: () => html`<kring-invite></kring-invite>`,
    shows: ['text', 'accent'],
    ready: (element) => !!element.shadowRoot?.querySelector('button'),
  },
  {
    tag: 'kring-welcome',
    markup: () => html`<kring-welcome token="not-a-token"></kring-welcome>`,
    shows: ['text'],
    ready: (element) => settled(element) && !!element.shadowRoot?.textContent?.trim(),
  },
  {
    tag: 'kring-pulse',
    markup: () => html`<kring-pulse></kring-pulse>`,
    shows: ['text', 'surface', 'border', 'accent'],
    ready: (element) => !!element.shadowRoot?.querySelector('[part~="chart"]'),
  },
  {
    tag: 'kring-report',
    markup: () => html`<kring-report></kring-report>`,
    shows: ['text', 'surface', 'border', 'accent'],
    ready: (element) => !!element.shadowRoot?.querySelector('table'),
  },
  {
    tag: 'kring-pioneers',
    markup: () => html`<kring-pioneers></kring-pioneers>`,
    shows: ['text', 'surface'],
    ready: settled,
  },
];

/** Every colour the nodes of a shadow root (and the host) show: text, background, borders, SVG fill and stroke. */
function shownColours(element: Element): Set<string> {
  const colours = new Set<string>();
  const nodes = [element, ...element.shadowRoot!.querySelectorAll('*')];
  for (const node of nodes) {
    const style = getComputedStyle(node);
    if (style.display === 'none' || style.visibility === 'hidden') continue;
    colours.add(style.color);
    colours.add(style.backgroundColor);
    if (parseFloat(style.borderTopWidth) > 0) colours.add(style.borderTopColor);
    if (parseFloat(style.borderInlineStartWidth) > 0) colours.add(style.borderLeftColor);
    if (node instanceof SVGElement) {
      colours.add(style.fill);
      colours.add(style.stroke);
    }
  }
  return colours;
}

const ROLE_PROPERTY: Record<Role, keyof typeof THEME> = {
  accent: '--kring-color-accent',
  text: '--kring-color-text',
  surface: '--kring-color-surface',
  border: '--kring-color-border',
  danger: '--kring-color-danger',
};

async function mount(testCase: Case, style: string): Promise<Element> {
  const { name } = registerTestBackend();
  const page = await fixture<HTMLDivElement>(
    html`<div style=${style}>
      <kring-community backend=${name}>${testCase.markup(name)}</kring-community>
    </div>`,
  );
  const element = page.querySelector(testCase.tag)!;
  await waitUntil(() => testCase.ready(element), `${testCase.tag} did not settle`, { timeout: 5000 });
  return element;
}

describe('every element follows the --kring-color-* tokens (what a user sees)', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    describe(colorScheme, () => {
      before(() => emulateMedia({ colorScheme }));
      after(() => emulateMedia({ colorScheme: 'light' }));
      for (const testCase of CASES) {
        it(`<${testCase.tag}> shows the page's ${testCase.shows.join(', ')}`, async () => {
          const element = await mount(testCase, styleOf(THEME));
          const colours = shownColours(element);
          for (const role of testCase.shows) {
            expect([...colours], `${role} (${THEME[ROLE_PROPERTY[role]]})`).to.include(
              THEME[ROLE_PROPERTY[role]],
            );
          }
          expect(getComputedStyle(element).color, 'the host text colour').to.equal(
            THEME['--kring-color-text'],
          );
        });
      }
    });
  }

  it('<kring-community> shows a problem in the page danger colour', async () => {
    const page = await fixture<HTMLDivElement>(
      html`<div style=${styleOf(THEME)}>
        <kring-community backend="no-such-backend"></kring-community>
      </div>`,
    );
    const community = page.querySelector('kring-community')!;
    await waitUntil(() => community.shadowRoot?.querySelector('[part="message"]'), 'no problem message', {
      timeout: 5000,
    });
    const message = community.shadowRoot!.querySelector('[part="message"]')!;
    expect(getComputedStyle(message).borderInlineStartColor).to.equal(THEME['--kring-color-danger']);
  });

  it('a page themed with the older names keeps its colours; the documented names win', async () => {
    const older = {
      '--kring-accent-color': 'rgb(21, 22, 23)',
      '--kring-text-color': 'rgb(24, 25, 26)',
      '--kring-surface-color': 'rgb(27, 28, 29)',
    };
    for (const name of Object.keys(older)) expect(LEGACY_ALIASES).to.have.property(name);
    const feedCase = CASES.find((testCase) => testCase.tag === 'kring-kudos-feed')!;
    const feed = await mount(feedCase, styleOf(older));
    const colours = shownColours(feed);
    for (const value of Object.values(older)) expect([...colours]).to.include(value);

    const both = await mount(feedCase, `${styleOf(older)}; ${styleOf(THEME)}`);
    const shown = shownColours(both);
    expect([...shown]).to.include(THEME['--kring-color-accent']);
    expect([...shown]).not.to.include(older['--kring-accent-color']);
  });

  it('without a theme, the defaults are Fluent 2 (brand #0f6cbd on white, text #242424)', async () => {
    const profileCase = CASES[0];
    const card = await mount(profileCase, '');
    const colours = shownColours(card);
    expect(getComputedStyle(card).color).to.equal('rgb(36, 36, 36)');
    expect([...colours]).to.include('rgb(15, 108, 189)');
    expect([...colours]).to.include('rgb(255, 255, 255)');
  });
});

describe('the default themes pass axe (contrast AA) in light and dark', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    describe(colorScheme, () => {
      before(() => emulateMedia({ colorScheme }));
      after(() => emulateMedia({ colorScheme: 'light' }));
      for (const testCase of CASES) {
        it(`<${testCase.tag}>`, async () => {
          const element = await mount(
            testCase,
            colorScheme === 'dark' ? 'background: #1f1f1f; color: #ffffff' : 'background: #fafafa',
          );
          await expect(element).to.be.accessible();
        });
      }
    });
  }
});
