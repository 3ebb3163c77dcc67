import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/index.js';
import { registerBackend } from '../src/backends/registry.js';
import { createDemoBackend } from '../src/backends/demo/index.js';
import { BackendError } from '../src/errors.js';
import type { Backend } from '../src/backends/backend.js';
import { AMBASSADOR_LEVELS, AMBASSADOR_ROLES, type BadgeAward } from '../src/model.js';
import { DARK_PAGE_STYLE } from './dark-theme.js';

/** Every role at every level for the current demo user, so the palette and icons can be compared. */
function allBadges(personId: string): BadgeAward[] {
  return AMBASSADOR_ROLES.flatMap((role, roleIndex) =>
    AMBASSADOR_LEVELS.slice(0, (roleIndex % 3) + 1).map((level) => ({
      id: `story-${role}-${level}`,
      personId,
      role,
      level,
      awardedAt: new Date(Date.UTC(2026, 9, 1 + roleIndex * 3)).toISOString(),
      awardedBy: role === 'presenter' ? 'manager' : 'system',
      criteriaMet: role === 'recruiter' ? ['10 accepted invitations'] : [],
      evidence: role === 'writer' ? [{ url: 'https://intranet.example/blog/1', description: 'Blog' }] : [],
    })),
  );
}

function overriding(overrides: (base: Backend) => Partial<Backend>): () => Backend {
  return () => {
    const base = createDemoBackend({ persist: false });
    return Object.assign(Object.create(base) as Backend, overrides(base));
  };
}

registerBackend(
  'story-badges',
  overriding(() => ({ listBadges: async (personId: string) => allBadges(personId) })),
);
registerBackend(
  'story-badges-none',
  overriding(() => ({ listBadges: async () => [] })),
);
registerBackend(
  'story-badges-loading',
  overriding(() => ({ listBadges: () => new Promise(() => {}) })),
);
registerBackend(
  'story-badges-error',
  overriding(() => ({ listBadges: () => Promise.reject(new BackendError('server', 'Unavailable.')) })),
);

type Args = {
  person: string;
  role: string;
  size: 's' | 'm' | 'l';
  lang: 'en' | 'nl' | 'de' | 'fr';
  backend: string;
};

const meta: Meta<Args> = {
  title: 'Elements/Ambassador badge',
  component: 'kring-ambassador-badge',
  parameters: { kringCommunity: false },
  args: { person: 'me', role: '', size: 'm', lang: 'en', backend: 'story-badges' },
  argTypes: {
    size: { control: 'inline-radio', options: ['s', 'm', 'l'] },
    role: { control: 'select', options: ['', ...AMBASSADOR_ROLES] },
    lang: { control: 'inline-radio', options: ['en', 'nl', 'de', 'fr'] },
  },
  render: ({ person, role, size, lang, backend }) =>
    html`<kring-community
      backend=${backend}
      lang=${lang}
      organization-name="Gemeente Voorbeeld"
      organization-url="https://voorbeeld.example"
    >
      <kring-ambassador-badge person=${person} badge-role=${role} size=${size}></kring-ambassador-badge>
    </kring-community>`,
};
export default meta;

type Story = StoryObj<Args>;

export const AllRoles: Story = {};
export const Small: Story = { args: { size: 's' } };
export const LargeWithNames: Story = { args: { size: 'l' } };
export const OneRole: Story = { args: { role: 'recruiter', size: 'l' } };
export const Dutch: Story = { args: { lang: 'nl', size: 'l' } };
export const Empty: Story = { args: { backend: 'story-badges-none' } };
export const Loading: Story = { args: { backend: 'story-badges-loading' } };
export const Error: Story = { args: { backend: 'story-badges-error' } };
/** Seeded demo data: whatever the demo user really earned. */
export const DemoData: Story = { args: { backend: 'demo', size: 'l' } };
export const Dark: Story = {
  args: { size: 'l' },
  render: (args, context) => html`<div style=${DARK_PAGE_STYLE}>${meta.render!(args, context)}</div>`,
};
export const ForcedColors: Story = {
  parameters: {
    docs: { description: { story: 'Check with DevTools → Rendering → Emulate forced-colors.' } },
  },
};
