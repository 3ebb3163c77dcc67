import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/index.js';
import { registerBackend } from '../src/backends/registry.js';
import { createDemoBackend } from '../src/backends/demo/index.js';
import { BackendError } from '../src/errors.js';
import type { Backend } from '../src/backends/backend.js';
import { computeRoleProgress } from '../src/ambassadors/progress.js';
import type { AmbassadorRole } from '../src/model.js';
import { DARK_PAGE_STYLE } from './dark-theme.js';

function overriding(overrides: (base: Backend) => Partial<Backend>): () => Backend {
  return () => {
    const base = createDemoBackend({ persist: false });
    return Object.assign(Object.create(base) as Backend, overrides(base));
  };
}

/** A member who chose roles and is somewhere on the way, without manager rights. */
registerBackend(
  'story-programme-member',
  overriding((base) => {
    let roles: AmbassadorRole[] = ['writer', 'recruiter', 'connector'];
    const profile = async (personId: string) => ({
      personId,
      roles,
      progress: computeRoleProgress({ articles: 3, 'accepted-invitations': 12, 'departments-reached': 6 }),
      badges: [],
    });
    return {
      capabilities: { ...base.capabilities, manageBadges: false },
      ambassadorProfile: profile,
      chooseAmbassadorRoles: async (chosen: readonly AmbassadorRole[]) => {
        roles = [...chosen];
        return profile((await base.currentUser()).id);
      },
    };
  }),
);
registerBackend(
  'story-programme-new',
  overriding((base) => ({
    capabilities: { ...base.capabilities, manageBadges: false },
    ambassadorProfile: async (personId: string) => ({
      personId,
      roles: [],
      progress: computeRoleProgress({}),
      badges: [],
    }),
  })),
);
registerBackend(
  'story-programme-loading',
  overriding(() => ({ ambassadorProfile: () => new Promise(() => {}) })),
);
registerBackend(
  'story-programme-error',
  overriding(() => ({
    ambassadorProfile: () => Promise.reject(new BackendError('server', 'The programme is unavailable.')),
  })),
);

type Args = { lang: 'en' | 'nl' | 'de' | 'fr'; backend: string };

const meta: Meta<Args> = {
  title: 'Elements/Ambassador programme',
  component: 'kring-ambassador-programme',
  parameters: { kringCommunity: false },
  args: { lang: 'en', backend: 'story-programme-member' },
  argTypes: { lang: { control: 'inline-radio', options: ['en', 'nl', 'de', 'fr'] } },
  render: ({ lang, backend }) =>
    html`<kring-community backend=${backend} lang=${lang} organization-name="Gemeente Voorbeeld">
      <div style="max-width: 44rem"><kring-ambassador-programme></kring-ambassador-programme></div>
    </kring-community>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Member: Story = {};
export const NoRolesYet: Story = { args: { backend: 'story-programme-new' } };
/** The demo user is the community manager: the award/revoke section shows. */
export const CommunityManager: Story = { args: { backend: 'demo' } };
export const Dutch: Story = { args: { lang: 'nl' } };
export const Loading: Story = { args: { backend: 'story-programme-loading' } };
export const Error: Story = { args: { backend: 'story-programme-error' } };
export const Dark: Story = {
  render: (args, context) => html`<div style=${DARK_PAGE_STYLE}>${meta.render!(args, context)}</div>`,
};
