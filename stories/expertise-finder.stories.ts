import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/index.js';
import { registerBackend } from '../src/backends/registry.js';
import { createDemoBackend } from '../src/backends/demo/index.js';
import { BackendError } from '../src/errors.js';
import type { Backend } from '../src/backends/backend.js';
import type { KringInviteRequestEvent, KringPersonSelectEvent } from '../src/events/index.js';
import { DARK_PAGE_STYLE } from './dark-theme.js';

/** A demo backend whose `searchPeople` is replaced, for the loading and error stories. */
function withSearch(searchPeople: Backend['searchPeople']): () => Backend {
  return () => {
    const base = createDemoBackend({ persist: false });
    return Object.assign(Object.create(base) as Backend, { searchPeople });
  };
}

registerBackend(
  'story-finder-loading',
  withSearch(() => new Promise(() => {})),
);
registerBackend(
  'story-finder-error',
  withSearch(() => Promise.reject(new BackendError('network', 'The people directory could not be reached.'))),
);
/** Answers after a second, to watch "Searching…" and the debounce while typing. */
registerBackend('story-finder-slow', () => {
  const base = createDemoBackend({ persist: false });
  return Object.assign(Object.create(base) as Backend, {
    searchPeople: (query, options) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => base.searchPeople(query, options).then(resolve, reject), 1000);
        options?.signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(new BackendError('aborted', 'The request was cancelled.'));
        });
      }),
  } satisfies Partial<Backend>);
});

type Args = {
  query: string;
  skill: string;
  department: string;
  limit: number;
  placeholder: string;
  showFacets: boolean;
  hrefTemplate: string;
  lang: 'en' | 'nl' | 'de' | 'fr';
  backend: string;
};

const meta: Meta<Args> = {
  title: 'Elements/Expertise finder',
  component: 'kring-expertise-finder',
  parameters: {
    kringCommunity: false,
    docs: {
      description: {
        component:
          '"Who knows about X?" Type a skill, name or title; use the arrow keys, Home/End, Enter and Escape. ' +
          'Each result says why the person is shown. Ranking: docs/expertise-ranking.md.',
      },
    },
  },
  args: {
    query: '',
    skill: '',
    department: '',
    limit: 10,
    placeholder: '',
    showFacets: false,
    hrefTemplate: '',
    lang: 'en',
    backend: 'demo',
  },
  argTypes: {
    lang: { control: 'inline-radio', options: ['en', 'nl', 'de', 'fr'] },
    backend: {
      control: 'select',
      options: ['demo', 'story-finder-slow', 'story-finder-loading', 'story-finder-error'],
    },
  },
  render: (args) =>
    html`<kring-community backend=${args.backend} lang=${args.lang} tracking="off">
      <div style="max-width: 36rem">
        <kring-expertise-finder
          query=${args.query}
          skill=${args.skill}
          department=${args.department}
          limit=${args.limit}
          placeholder=${ifDefined(args.placeholder || undefined)}
          ?show-facets=${args.showFacets}
          href-template=${ifDefined(args.hrefTemplate || undefined)}
          @kring-person-select=${(event: KringPersonSelectEvent) => {
            if (!args.hrefTemplate) console.info('kring-person-select', event.detail);
          }}
          @kring-invite-request=${(event: KringInviteRequestEvent) =>
            console.info('kring-invite-request', event.detail)}
        ></kring-expertise-finder>
      </div>
    </kring-community>`,
};
export default meta;

type Story = StoryObj<Args>;

/** Nothing typed yet. */
export const Empty: Story = {};
/** Halfway through typing "Power BI": prefix matches already rank by the formula. */
export const Typing: Story = { args: { query: 'power b', backend: 'story-finder-slow' } };
/** Ranked results with the "why this person" line. */
export const Results: Story = { args: { query: 'Power BI' } };
/** Accent-insensitive: "muller" finds "Müller", "bjorn" finds "Bjørn". */
export const Accents: Story = { args: { query: 'muller' } };
/** Nobody found: related skills ("did you mean") and the invite button. */
export const NoResults: Story = { args: { query: 'Powr BI' } };
/** Nothing at all close: only the invite button. */
export const NoResultsAtAll: Story = { args: { query: 'kwantumfysica' } };
export const Loading: Story = { args: { query: 'Excel', backend: 'story-finder-loading' } };
export const Error: Story = { args: { query: 'Excel', backend: 'story-finder-error' } };
export const Dutch: Story = { args: { query: 'Power BI', lang: 'nl', showFacets: true } };
/** A broad query: many department and related-skill facets. */
export const ManyFacets: Story = { args: { query: 'data', showFacets: true, limit: 20 } };
/** Started from attributes: removable skill and department chips. */
export const Filters: Story = { args: { skill: 'Excel', department: 'Financiën', showFacets: true } };
/** Results as links (`href-template`). */
export const Links: Story = { args: { query: 'Scrum', hrefTemplate: '#/people/{id}' } };
export const Dark: Story = {
  args: { query: 'Power BI', showFacets: true },
  render: (args, context) => html`<div style=${DARK_PAGE_STYLE}>${meta.render!(args, context)}</div>`,
};
