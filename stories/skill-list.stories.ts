import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/index.js';
import { registerBackend } from '../src/backends/registry.js';
import { createDemoBackend } from '../src/backends/demo/index.js';
import { BackendError } from '../src/errors.js';
import type { Backend } from '../src/backends/backend.js';
import type { Person } from '../src/model.js';

/** Endorsements fail, to show the rollback and the polite message. */
registerBackend('story-skills-refuse', () => {
  const base = createDemoBackend({ persist: false });
  const refuse = () => Promise.reject(new BackendError('forbidden', 'Endorsements are switched off here.'));
  return Object.assign(Object.create(base) as Backend, { endorseSkill: refuse, unendorseSkill: refuse });
});

/** The same seeded company the community's demo backend uses, so ids and skills agree. */
const directory = createDemoBackend({ persist: false });

type Args = {
  person: string;
  view: 'compact' | 'full';
  max: number;
  lang: 'en' | 'nl' | 'de' | 'fr';
  backend: string;
};

const meta: Meta<Args> = {
  title: 'Elements/Skill list',
  component: 'kring-skill-list',
  parameters: { kringCommunity: false },
  args: { person: 'p00002', view: 'full', max: 5, lang: 'en', backend: 'demo' },
  argTypes: {
    view: { control: 'inline-radio', options: ['compact', 'full'] },
    lang: { control: 'inline-radio', options: ['en', 'nl', 'de', 'fr'] },
  },
  loaders: [
    async ({ args }) => {
      const [person] = await directory.getPeople([
        args.person === 'me' ? (await directory.currentUser()).id : args.person,
      ]);
      return { person };
    },
  ],
  render: (args, { loaded }) =>
    html`<kring-community backend=${args.backend} lang=${args.lang} tracking="off">
      <div style="max-width: 30rem; display: grid; gap: 1.5rem">
        <kring-skill-list
          .person=${loaded.person as Person}
          view=${args.view}
          max=${args.max}
        ></kring-skill-list>
      </div>
    </kring-community>`,
};
export default meta;

type Story = StoryObj<Args>;

/** A colleague's skills with endorse toggles. */
export const Full: Story = {};
export const Compact: Story = { args: { view: 'compact', max: 3 } };
/** Your own skills: no endorse buttons. */
export const Yourself: Story = { args: { person: 'me' } };
/** Two lists of the same person: endorsing in one updates the other at once. */
export const TwoListsStayInStep: Story = {
  render: (args, { loaded }) =>
    html`<kring-community backend=${args.backend} lang=${args.lang} tracking="off">
      <div style="max-width: 30rem; display: grid; gap: 1.5rem">
        <kring-skill-list .person=${loaded.person as Person} view="full"></kring-skill-list>
        <kring-skill-list .person=${loaded.person as Person} view="full"></kring-skill-list>
      </div>
    </kring-community>`,
};
/** The backend refuses: the count rolls back and a message says why. */
export const Refused: Story = { args: { backend: 'story-skills-refuse' } };
export const Dutch: Story = { args: { lang: 'nl' } };
