import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/index.js';
import { registerBackend } from '../src/backends/registry.js';
import { createDemoBackend } from '../src/backends/demo/index.js';
import { BackendError } from '../src/errors.js';
import type { Backend } from '../src/backends/backend.js';
import type { CommunityMetrics } from '../src/model.js';
import { DARK_PAGE_STYLE } from './dark-theme.js';

/** The demo backend with `metrics` replaced, for the loading, error and empty stories. */
function withMetrics(metrics: (base: Backend) => Backend['metrics']): () => Backend {
  return () => {
    const base = createDemoBackend({ persist: false });
    return Object.assign(Object.create(base) as Backend, { metrics: metrics(base) });
  };
}

registerBackend(
  'pulse-story-loading',
  withMetrics(() => () => new Promise<CommunityMetrics>(() => {})),
);
registerBackend(
  'pulse-story-error',
  withMetrics(() => () => Promise.reject(new BackendError('server', 'The metrics service is unavailable.'))),
);
registerBackend(
  'pulse-story-empty',
  // A month long before the demo community existed: nothing to show.
  withMetrics((base) => async (query) => ({
    ...(await base.metrics({ month: '2001-01' })),
    month: query.month,
  })),
);

registerBackend(
  'pulse-story-withheld',
  // A small community: figures on 1–4 people are withheld, and so are those they could be worked out from.
  withMetrics((base) => async (query) => {
    const metrics = await base.metrics(query);
    const withheld = { value: null, previous: null, change: null, suppressed: true };
    return {
      ...metrics,
      creators: withheld,
      readers: { ...withheld, complementary: true },
      inviteFunnel: { sent: 12, accepted: null, activeWithin30Days: null },
      newMembersPerWeek: metrics.newMembersPerWeek.map((week, index) =>
        index < 2 ? { ...week, count: null, invited: null } : week,
      ),
    };
  }),
);

type Args = { month: string; lang: 'en' | 'nl' | 'de' | 'fr'; backend: string };

const meta: Meta<Args> = {
  title: 'Elements/Pulse',
  component: 'kring-pulse',
  parameters: { kringCommunity: false },
  args: { month: '', lang: 'en', backend: 'demo' },
  argTypes: {
    lang: { control: 'inline-radio', options: ['en', 'nl', 'de', 'fr'] },
    month: { control: 'text', description: 'YYYY-MM; empty for the last full month' },
  },
  render: ({ month, lang, backend }) =>
    html`<kring-community backend=${backend} lang=${lang}>
      <kring-pulse month=${month || ''}></kring-pulse>
    </kring-community>`,
};
export default meta;

type Story = StoryObj<Args>;

/** The last full month of the demo community (six months of seeded activity). */
export const Default: Story = {};
export const Dutch: Story = { args: { lang: 'nl' } };
export const Loading: Story = { args: { backend: 'pulse-story-loading' } };
export const Error: Story = { args: { backend: 'pulse-story-error' } };
export const Empty: Story = { args: { backend: 'pulse-story-empty' } };
/** Withheld figures: "fewer than 5", and "not shown" where a small figure could be worked out. */
export const Withheld: Story = { args: { backend: 'pulse-story-withheld' } };
export const BadMonth: Story = { args: { month: 'oktober' } };
export const Dark: Story = {
  render: (args, context) => html`<div style=${DARK_PAGE_STYLE}>${meta.render!(args, context)}</div>`,
  parameters: { backgrounds: { default: 'dark' } },
};
export const Narrow: Story = {
  render: (args, context) => html`<div style="max-width: 24rem">${meta.render!(args, context)}</div>`,
};
