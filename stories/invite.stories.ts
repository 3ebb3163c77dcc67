import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/index.js';
import { registerBackend } from '../src/backends/registry.js';
import { createDemoBackend } from '../src/backends/demo/index.js';
import { BackendError } from '../src/errors.js';
import type { Backend } from '../src/backends/backend.js';
import type { Invite } from '../src/model.js';
import { DARK_PAGE_STYLE } from './dark-theme.js';

/** The demo backend with some calls replaced, for states the seeded data does not show. */
function overriding(overrides: (base: Backend) => Partial<Backend>): () => Backend {
  return () => {
    const base = createDemoBackend({ persist: false });
    return Object.assign(Object.create(base) as Backend, overrides(base));
  };
}

const nextMonth = new Date(
  Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() + 1, 1),
).toISOString();
const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

const someInvites: Invite[] = [
  {
    id: 's1',
    inviterId: 'me',
    email: 'an.peeters@example.nl',
    status: 'pending',
    createdAt: daysFromNow(-2),
    expiresAt: daysFromNow(12),
  },
  {
    id: 's2',
    inviterId: 'me',
    email: 'joost.de.boer@example.nl',
    status: 'accepted',
    createdAt: daysFromNow(-9),
    expiresAt: daysFromNow(5),
    respondedAt: daysFromNow(-8),
  },
  {
    id: 's3',
    inviterId: 'me',
    email: 'fatima.el.amrani@example.nl',
    status: 'pending',
    createdAt: daysFromNow(-20),
    expiresAt: daysFromNow(-6),
  },
  {
    id: 's6',
    inviterId: 'me',
    email: 'w.jansen@example.nl',
    status: 'pending',
    createdAt: daysFromNow(-1),
    expiresAt: daysFromNow(13),
    // Kring Server with SMTP: the mail server refused the address.
    delivery: { status: 'failed', at: daysFromNow(-1), error: '550 5.1.1 Mailbox does not exist' },
  },
  {
    id: 's4',
    inviterId: 'me',
    email: 'kees@example.nl',
    status: 'declined',
    createdAt: daysFromNow(-25),
    expiresAt: daysFromNow(-11),
  },
  {
    id: 's5',
    inviterId: 'me',
    email: 'typo@exampel.nl',
    status: 'revoked',
    createdAt: daysFromNow(-3),
    expiresAt: daysFromNow(11),
  },
];

registerBackend(
  'story-invite-loading',
  overriding(() => ({ inviteQuota: () => new Promise(() => {}) })),
);
registerBackend(
  'story-invite-error',
  overriding(() => ({
    listInvites: () => Promise.reject(new BackendError('server', 'Invitations are temporarily unavailable.')),
  })),
);
registerBackend(
  'story-invite-list',
  overriding(() => ({
    listInvites: async () => ({ items: someInvites }),
    inviteQuota: async () => ({ limit: 5, used: 3, remaining: 2, resetsAt: nextMonth }),
  })),
);
registerBackend(
  'story-invite-exhausted',
  overriding(() => ({
    listInvites: async () => ({ items: someInvites }),
    inviteQuota: async () => ({ limit: 5, used: 5, remaining: 0, resetsAt: nextMonth }),
  })),
);

type Args = { allowedDomains: string; quota: number; lang: 'en' | 'nl' | 'de' | 'fr'; backend: string };

const meta: Meta<Args> = {
  title: 'Elements/Invite',
  component: 'kring-invite',
  parameters: { kringCommunity: false },
  args: { allowedDomains: '', quota: 5, lang: 'en', backend: 'demo' },
  argTypes: { lang: { control: 'inline-radio', options: ['en', 'nl', 'de', 'fr'] } },
  render: ({ allowedDomains, quota, lang, backend }) =>
    html`<kring-community backend=${backend} lang=${lang}>
      <div style="max-width: 40rem">
        <kring-invite allowed-domains=${allowedDomains} quota=${quota}></kring-invite>
      </div>
    </kring-community>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Default: Story = {};
export const AllowedDomains: Story = { args: { allowedDomains: 'example.nl, example.be' } };
export const MyInvitations: Story = { args: { backend: 'story-invite-list' } };
export const QuotaExhausted: Story = { args: { backend: 'story-invite-exhausted' } };
export const StricterQuota: Story = { args: { backend: 'story-invite-list', quota: 3 } };
export const Dutch: Story = {
  args: { lang: 'nl', backend: 'story-invite-list', allowedDomains: 'example.nl' },
};
export const Loading: Story = { args: { backend: 'story-invite-loading' } };
export const Error: Story = { args: { backend: 'story-invite-error' } };
/** What the expertise finder does: ask the invite form to open for a skill. */
export const RequestedFromFinder: Story = {
  render: (args, context) =>
    html`<button
        type="button"
        @click=${() =>
          document.dispatchEvent(
            new CustomEvent('kring-invite-request', { detail: { skill: 'Data-analyse' } }),
          )}
      >
        Invite someone who knows Data-analyse
      </button>
      ${meta.render!(args, context)}`,
};
export const Dark: Story = {
  args: { backend: 'story-invite-list' },
  render: (args, context) => html`<div style=${DARK_PAGE_STYLE}>${meta.render!(args, context)}</div>`,
};
