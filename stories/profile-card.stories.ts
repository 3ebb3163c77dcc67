import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/index.js';
import { registerBackend } from '../src/backends/registry.js';
import { createDemoBackend } from '../src/backends/demo/index.js';
import { BackendError } from '../src/errors.js';
import type { Backend } from '../src/backends/backend.js';
import { DARK_PAGE_STYLE } from './dark-theme.js';

/** A demo backend with `getPeople`/`currentUser` replaced, for the loading and error stories. */
function withPeople(people: (base: Backend) => Pick<Backend, 'getPeople' | 'currentUser'>): () => Backend {
  return () => {
    const base = createDemoBackend({ persist: false });
    return Object.assign(Object.create(base) as Backend, people(base));
  };
}

registerBackend(
  'story-loading',
  withPeople(() => ({ getPeople: () => new Promise(() => {}), currentUser: () => new Promise(() => {}) })),
);
registerBackend(
  'story-error',
  withPeople(() => {
    const fail = () =>
      Promise.reject(new BackendError('server', 'The directory is temporarily unavailable.'));
    return { getPeople: fail, currentUser: fail };
  }),
);
registerBackend(
  'story-long',
  withPeople((base) => ({
    currentUser: () => base.currentUser(),
    getPeople: async (ids) =>
      (await base.getPeople(ids)).map(
        (person) =>
          person && {
            ...person,
            name: 'Maria Magdalena Anneke van der Heijden-Oosterbroek-Zwaanswijk',
            title: 'Senior adviseur informatievoorziening, datagedreven werken en digitale transformatie',
            about: 'Ik help teams <b>graag</b> met hun data. '.repeat(8),
          },
      ),
  })),
);

// Names first, photos after (as the Graph backend answers a page of cards): the photo never arrives here.
registerBackend(
  'story-photo-pending',
  withPeople((base) => ({
    currentUser: async () => ({ ...(await base.currentUser()), photoPending: true }),
    getPeople: async (ids) =>
      (await base.getPeople(ids)).map((person) => person && { ...person, photoPending: true }),
  })),
);

type Args = { person: string; view: 'compact' | 'full'; lang: 'en' | 'nl' | 'de' | 'fr'; backend: string };

const meta: Meta<Args> = {
  title: 'Elements/Profile card',
  component: 'kring-profile-card',
  parameters: { kringCommunity: false },
  args: { person: 'me', view: 'compact', lang: 'en', backend: 'demo' },
  argTypes: {
    view: { control: 'inline-radio', options: ['compact', 'full'] },
    lang: { control: 'inline-radio', options: ['en', 'nl', 'de', 'fr'] },
  },
  render: ({ person, view, lang, backend }) =>
    html`<kring-community backend=${backend} lang=${lang}>
      <div style="max-width: 28rem">
        <kring-profile-card person=${person} view=${view}></kring-profile-card>
      </div>
    </kring-community>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Compact: Story = {};
export const Full: Story = { args: { view: 'full', person: 'p00002' } };
export const Dutch: Story = { args: { lang: 'nl', view: 'full', person: 'p00003' } };
export const German: Story = { args: { lang: 'de', view: 'full', person: 'p00003' } };
export const French: Story = { args: { lang: 'fr', view: 'full', person: 'p00003' } };
export const Loading: Story = { args: { backend: 'story-loading' } };
/** The name is in, the photo is on its way: a plain circle instead of initials that would flip to a photo. */
export const PhotoOnItsWay: Story = { args: { backend: 'story-photo-pending' } };
export const NotFound: Story = { args: { person: 'nobody@example.invalid' } };
export const Error: Story = { args: { backend: 'story-error' } };
export const LongContent: Story = { args: { backend: 'story-long', view: 'full', person: 'p00004' } };
export const Dark: Story = {
  args: { view: 'full', person: 'p00005' },
  render: (args, context) => html`<div style=${DARK_PAGE_STYLE}>${meta.render!(args, context)}</div>`,
  parameters: { backgrounds: { default: 'dark' } },
};
export const Grid: Story = {
  render: ({ lang }) =>
    html`<kring-community backend="demo" lang=${lang}>
      <div style="display:grid; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); gap: 0.75rem">
        ${Array.from(
          { length: 12 },
          (_, i) =>
            html`<kring-profile-card person=${`p${String(i + 1).padStart(5, '0')}`}></kring-profile-card>`,
        )}
      </div>
    </kring-community>`,
};
/**
 * The hover card (docs/elements/hover-card.md): rest the pointer on a name, or Tab to it, and the person's
 * full card opens beside it; ↓ moves into it, Escape closes it. The same card opens from the kudos feed,
 * the finder's results and the people picker's chips.
 */
export const HoverCard: Story = {
  play: async ({ canvasElement }) => {
    // Opens the first card, so the story shows what the pointer would.
    const card = canvasElement.querySelector('kring-profile-card');
    await card?.updateComplete;
    const trigger = await new Promise<HTMLElement | null>((resolve) => {
      const find = (tries: number) => {
        const found =
          card?.shadowRoot?.querySelector<HTMLElement>('.person-hover a, .person-trigger') ?? null;
        if (found || tries > 200) resolve(found);
        else requestAnimationFrame(() => find(tries + 1));
      };
      find(0);
    });
    trigger?.focus();
  },
  render: ({ lang }) =>
    html`<kring-community backend="demo" lang=${lang}>
      <div
        style="display:grid; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); gap: 0.75rem; min-height: 36rem"
      >
        ${['p00002', 'p00014', 'p00027'].map(
          (id) => html`<kring-profile-card person=${id}></kring-profile-card>`,
        )}
      </div>
    </kring-community>`,
};
