import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/index.js';
import { registerBackend } from '../src/backends/registry.js';
import { createDemoBackend } from '../src/backends/demo/index.js';
import { BackendError } from '../src/errors.js';
import type { Backend } from '../src/backends/backend.js';
import type { CommunityMetrics } from '../src/model.js';
import { DARK_PAGE_STYLE } from './dark-theme.js';

function withMetrics(metrics: (base: Backend) => Backend['metrics']): () => Backend {
  return () => {
    const base = createDemoBackend({ persist: false });
    return Object.assign(Object.create(base) as Backend, { metrics: metrics(base) });
  };
}

registerBackend(
  'report-story-loading',
  withMetrics(() => () => new Promise<CommunityMetrics>(() => {})),
);
registerBackend(
  'report-story-error',
  withMetrics(
    () => () => Promise.reject(new BackendError('forbidden', 'Only community managers may see the report.')),
  ),
);
registerBackend(
  'report-story-empty',
  withMetrics((base) => async (query) => ({
    ...(await base.metrics({ month: '2001-01' })),
    month: query.month,
  })),
);

type Args = { month: string; lang: 'en' | 'nl' | 'de' | 'fr'; backend: string };

const meta: Meta<Args> = {
  title: 'Elements/Report',
  component: 'kring-report',
  parameters: { kringCommunity: false },
  args: { month: '', lang: 'nl', backend: 'demo' },
  argTypes: {
    lang: { control: 'inline-radio', options: ['en', 'nl', 'de', 'fr'] },
    month: { control: 'text', description: 'YYYY-MM; empty for the last full month' },
  },
  render: ({ month, lang, backend }) =>
    html`<kring-community backend=${backend} lang=${lang} organization-name="Gemeente Voorbeeld">
      <kring-report month=${month || ''}></kring-report>
    </kring-community>`,
};
export default meta;

type Story = StoryObj<Args>;

/** The monthly management report in Dutch, as the article's management would read it. */
export const Default: Story = {};
export const English: Story = { args: { lang: 'en' } };
export const Loading: Story = { args: { backend: 'report-story-loading' } };
export const Error: Story = { args: { backend: 'report-story-error' } };
export const Empty: Story = { args: { backend: 'report-story-empty' } };
export const Dark: Story = {
  render: (args, context) => html`<div style=${DARK_PAGE_STYLE}>${meta.render!(args, context)}</div>`,
};
/** The community manager's view: pulse, report and pioneers side by side on the same figures. */
export const CommunityManagerView: Story = {
  render: ({ lang }) =>
    html`<kring-community backend="demo" lang=${lang}>
      <div style="display:grid; gap: 2rem">
        <kring-pulse></kring-pulse>
        <kring-report></kring-report>
        <kring-pioneers limit="10"></kring-pioneers>
      </div>
    </kring-community>`,
};
