import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/index.js';
import { registerBackend } from '../src/backends/registry.js';
import { createDemoBackend } from '../src/backends/demo/index.js';
import { BackendError } from '../src/errors.js';
import type { Backend } from '../src/backends/backend.js';
import type { Kudos, KudosInput, Person } from '../src/model.js';
import type { OutboxEntry } from '../src/client/types.js';
import { DARK_PAGE_STYLE } from './dark-theme.js';

/** A demo backend under another name (its own outbox in storage) with some methods replaced. */
function variant(name: string, replace: (base: Backend) => Partial<Backend>): void {
  registerBackend(name, () => {
    const base = createDemoBackend({ persist: false });
    return Object.assign(Object.create(base) as Backend, { name, ...replace(base) });
  });
}

const never = () => new Promise<never>(() => {});
const offline = () => Promise.reject(new BackendError('network', 'The server could not be reached.'));

variant('story-kudos-loading', () => ({ listKudos: never }));
variant('story-kudos-error', () => ({
  listKudos: () => Promise.reject(new BackendError('server', 'The kudos service is down.')),
}));
variant('story-kudos-empty', () => ({ listKudos: async () => ({ items: [], total: 0 }) }));
variant('story-kudos-offline', () => ({ giveKudos: offline, react: offline }));

const LONG_NAME = 'Maria Magdalena Anneke van der Heijden-Oosterbroek-Zwaanswijk';
const receivers = Array.from({ length: 10 }, (_, index) => `p${String(index + 2).padStart(5, '0')}`);
const hours = (count: number) => new Date(Date.now() - count * 3_600_000).toISOString();
const reactions = (thanks: number): Kudos['reactions'] => [
  { type: 'thanks', count: thanks, reactedByMe: thanks > 2 },
  { type: 'celebrate', count: 1, reactedByMe: false },
  { type: 'love', count: 0, reactedByMe: false },
  { type: 'insightful', count: 0, reactedByMe: false },
];
/** Long messages and names, ten receivers, right-to-left text and hostile input. */
const CONTENT_KUDOS: Kudos[] = [
  {
    id: 'story-long',
    from: 'p00001',
    to: ['p00002'],
    value: 'Samen sterk',
    message:
      'Dankjewel voor alles wat je dit kwartaal hebt gedaan voor het team, de klanten en de collega’s op de andere locaties. '.repeat(
        4,
      ) +
      'Zie https://intranet.example/nieuws/2026/kwartaalresultaten-en-een-hele-lange-url-die-niet-ophoudt',
    createdAt: hours(1),
    reactions: reactions(3),
  },
  {
    id: 'story-ten',
    from: 'p00001',
    to: receivers,
    value: 'Eerlijk',
    message: 'Thanks to the whole release crew, @Anna and @Bram in particular!',
    createdAt: hours(5),
    reactions: reactions(12),
  },
  {
    id: 'story-rtl',
    from: 'p00003',
    to: ['p00004'],
    message: 'شكراً جزيلاً على مساعدتك في المشروع! @Layla https://intranet.example/ar',
    createdAt: hours(26),
    reactions: reactions(0),
  },
  {
    id: 'story-unbroken',
    from: 'p00004',
    to: ['p00005'],
    message: 'W'.repeat(600),
    createdAt: hours(80),
    reactions: reactions(1),
  },
  {
    id: 'story-hostile',
    from: 'p00005',
    to: ['p00006'],
    message: '<script>alert(1)</script> <img src=x onerror=alert(2)> javascript:alert(3) — shown as text',
    createdAt: hours(200),
    reactions: reactions(0),
  },
];
variant('story-kudos-content', (base) => ({
  listKudos: async () => ({ items: CONTENT_KUDOS, total: CONTENT_KUDOS.length }),
  getPeople: async (ids) =>
    (await base.getPeople(ids)).map((person: Person | null) =>
      person && person.id === 'p00002' ? { ...person, name: LONG_NAME } : person,
    ),
}));

/**
 * Puts unsent kudos in the outbox of a backend's client, as a reload after going offline would: one waiting
 * for the network, one the server refused (with its message, Retry and Discard). Stored under the demo's
 * signed-in user, since an outbox only ever sends (and shows) the writes of the user who made them.
 */
function seedOutbox(backend: string, states: OutboxEntry['state'][]): void {
  const user = createDemoBackend({ persist: false }).demo.data.communityManagerId;
  const input = (message: string): KudosInput => ({
    to: ['p00002', 'p00003'],
    value: 'Samen sterk',
    message,
  });
  const entries: OutboxEntry[] = states.map((state, index) => ({
    id: `story-${backend}-${index}`,
    kind: 'giveKudos',
    input: input(state === 'failed' ? 'Sent on the train, refused by the server.' : 'Sent while offline.'),
    state,
    attempts: 1,
    createdAt: new Date().toISOString(),
    userId: user,
    ...(state === 'failed'
      ? { error: 'Kudos need a message of at least 10 characters.', errorKind: 'invalid', status: 422 }
      : { error: 'The server could not be reached.', errorKind: 'network' }),
  }));
  localStorage.setItem(`kring.outbox.kring:${backend}::${encodeURIComponent(user)}`, JSON.stringify(entries));
}

type Args = {
  backend: string;
  person: string;
  from: string;
  department: string;
  value: string;
  limit: string;
  compose: boolean;
  lang: 'en' | 'nl' | 'de' | 'fr';
  dark: boolean;
};

const meta: Meta<Args> = {
  title: 'Elements/Kudos feed',
  component: 'kring-kudos-feed',
  parameters: { kringCommunity: false },
  args: {
    backend: 'demo',
    person: '',
    from: '',
    department: '',
    value: '',
    limit: '5',
    compose: false,
    lang: 'en',
    dark: false,
  },
  argTypes: { lang: { control: 'inline-radio', options: ['en', 'nl', 'de', 'fr'] } },
  render: ({ backend, person, from, department, value, limit, compose, lang, dark }) =>
    html`<div style=${dark ? DARK_PAGE_STYLE : ''}>
      <kring-community backend=${backend} lang=${lang} tracking="off">
        <div style="max-width: 36rem">
          <kring-kudos-feed
            person=${person}
            from=${from}
            department=${department}
            value=${value}
            limit=${limit}
            ?compose=${compose}
          ></kring-kudos-feed>
        </div>
      </kring-community>
    </div>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Default: Story = {};
export const WithComposer: Story = { args: { compose: true } };
export const Dutch: Story = { args: { lang: 'nl', compose: true } };
export const ReceivedByOnePerson: Story = { args: { person: 'p00002', limit: '10' } };
export const ByValue: Story = { args: { value: 'Samen sterk' } };
export const Loading: Story = { args: { backend: 'story-kudos-loading' } };
export const Empty: Story = { args: { backend: 'story-kudos-empty' } };
export const EmptyDutch: Story = { args: { backend: 'story-kudos-empty', lang: 'nl' } };
export const Error: Story = { args: { backend: 'story-kudos-error' } };
/** Very long message and name, ten receivers, right-to-left text, a 600-character word, hostile markup. */
export const LongAndUnusualContent: Story = { args: { backend: 'story-kudos-content' } };
export const RightToLeftPage: Story = {
  args: { backend: 'story-kudos-content' },
  render: (args, context) => html`<div dir="rtl">${meta.render!(args, context)}</div>`,
};
/** Unsent kudos after a reload: one waiting for the network, one refused by the server (Retry / Discard). */
export const Unsent: Story = {
  args: { backend: 'story-kudos-offline', compose: true },
  render: (args, context) => {
    seedOutbox('story-kudos-offline', ['waiting', 'failed']);
    return meta.render!(args, context);
  },
};
export const Dark: Story = { args: { dark: true, compose: true } };
export const BadLimit: Story = { args: { limit: 'lots' } };
