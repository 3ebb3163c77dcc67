import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/index.js';
import { registerBackend } from '../src/backends/registry.js';
import { createDemoBackend } from '../src/backends/demo/index.js';
import { BackendError } from '../src/errors.js';
import type { Backend } from '../src/backends/backend.js';
import type { InviteTokenInfo, InviteTokenState } from '../src/model.js';
import { DARK_PAGE_STYLE } from './dark-theme.js';

const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

/** A demo backend whose invitation lookups answer with the given state. */
function withToken(state: InviteTokenState, message?: string): () => Backend {
  return () => {
    const base = createDemoBackend({ persist: false });
    const info = async (): Promise<InviteTokenInfo> => {
      const me = await base.currentUser();
      return {
        state,
        inviter: state === 'unknown' ? undefined : me,
        invite:
          state === 'unknown'
            ? undefined
            : {
                id: 'story-invite',
                inviterId: me.id,
                email: 'nieuw@example.nl',
                message,
                status: state === 'valid' ? 'pending' : state === 'used' ? 'accepted' : state,
                createdAt: daysFromNow(-3),
                expiresAt: daysFromNow(state === 'expired' ? -1 : 11),
              },
      };
    };
    return Object.assign(Object.create(base) as Backend, {
      lookupInvite: info,
      respondToInvite: async () => ({ ...(await info()), state: 'used' as const }),
    });
  };
}

for (const state of ['valid', 'expired', 'revoked', 'used', 'unknown'] as const) {
  registerBackend(`story-welcome-${state}`, withToken(state, 'Jij weet zoveel van onboarding; doe je mee?'));
}
registerBackend('story-welcome-plain', withToken('valid'));
registerBackend('story-welcome-loading', () =>
  Object.assign(Object.create(createDemoBackend({ persist: false })) as Backend, {
    lookupInvite: () => new Promise(() => {}),
  }),
);
registerBackend('story-welcome-error', () =>
  Object.assign(Object.create(createDemoBackend({ persist: false })) as Backend, {
    lookupInvite: () => Promise.reject(new BackendError('server', 'Try again later.')),
  }),
);

type Args = { token: string; lang: 'en' | 'nl' | 'de' | 'fr'; backend: string };

const meta: Meta<Args> = {
  title: 'Elements/Welcome',
  component: 'kring-welcome',
  parameters: { kringCommunity: false },
  args: { token: 'story-token', lang: 'en', backend: 'story-welcome-valid' },
  argTypes: { lang: { control: 'inline-radio', options: ['en', 'nl', 'de', 'fr'] } },
  render: ({ token, lang, backend }) =>
    html`<kring-community backend=${backend} lang=${lang}>
      <div style="max-width: 36rem"><kring-welcome token=${token}></kring-welcome></div>
    </kring-community>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Valid: Story = {};
export const WithoutMessage: Story = { args: { backend: 'story-welcome-plain' } };
export const Expired: Story = { args: { backend: 'story-welcome-expired' } };
export const Revoked: Story = { args: { backend: 'story-welcome-revoked' } };
export const AlreadyUsed: Story = { args: { backend: 'story-welcome-used' } };
export const Unknown: Story = { args: { backend: 'story-welcome-unknown' } };
export const NoToken: Story = { args: { token: '' } };
export const Dutch: Story = { args: { lang: 'nl' } };
export const Loading: Story = { args: { backend: 'story-welcome-loading' } };
export const Error: Story = { args: { backend: 'story-welcome-error' } };
/** The `about` slot replaces the default "why this community" text. */
export const CustomAbout: Story = {
  render: ({ token, lang, backend }) =>
    html`<kring-community backend=${backend} lang=${lang}>
      <kring-welcome token=${token}>
        <p slot="about">
          De Data-kring deelt elke maand een praktijkvoorbeeld en helpt je op weg met dashboards.
        </p>
      </kring-welcome>
    </kring-community>`,
};
export const Dark: Story = {
  render: (args, context) => html`<div style=${DARK_PAGE_STYLE}>${meta.render!(args, context)}</div>`,
};
