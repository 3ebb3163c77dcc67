import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/index.js';
import { registerBackend } from '../src/backends/registry.js';
import { createDemoBackend } from '../src/backends/demo/index.js';
import { BackendError } from '../src/errors.js';
import type { Backend } from '../src/backends/backend.js';
import type { PioneerRank } from '../src/model.js';
import { DARK_PAGE_STYLE } from './dark-theme.js';

function withPioneers(pioneers: Backend['pioneers']): () => Backend {
  return () => {
    const base = createDemoBackend({ persist: false });
    return Object.assign(Object.create(base) as Backend, { pioneers });
  };
}

registerBackend(
  'pioneers-story-loading',
  withPioneers(() => new Promise<PioneerRank[]>(() => {})),
);
registerBackend(
  'pioneers-story-error',
  withPioneers(() => Promise.reject(new BackendError('server', 'The server is busy.'))),
);
registerBackend(
  'pioneers-story-forbidden',
  withPioneers(() =>
    Promise.reject(
      new BackendError('forbidden', 'The pioneers list is for community managers.', {
        status: 403,
        code: 'pioneers.forbidden',
      }),
    ),
  ),
);
registerBackend(
  'pioneers-story-empty',
  withPioneers(async () => []),
);

type Args = { limit: string; lang: 'en' | 'nl' | 'de' | 'fr'; backend: string };

const meta: Meta<Args> = {
  title: 'Elements/Pioneers',
  component: 'kring-pioneers',
  parameters: { kringCommunity: false },
  args: { limit: '10', lang: 'en', backend: 'demo' },
  argTypes: { lang: { control: 'inline-radio', options: ['en', 'nl', 'de', 'fr'] } },
  render: ({ limit, lang, backend }) =>
    html`<kring-community backend=${backend} lang=${lang}>
      <div style="max-width: 36rem"><kring-pioneers limit=${limit}></kring-pioneers></div>
    </kring-community>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Default: Story = {};
export const Dutch: Story = { args: { lang: 'nl' } };
export const TopThree: Story = { args: { limit: '3' } };
export const Loading: Story = { args: { backend: 'pioneers-story-loading' } };
export const Error: Story = { args: { backend: 'pioneers-story-error' } };
export const Empty: Story = { args: { backend: 'pioneers-story-empty' } };
/** Signed in as management: the figures are theirs to read, this list (it names people) is not. */
export const ForManagement: Story = { args: { backend: 'pioneers-story-forbidden' } };
export const BadLimit: Story = { args: { limit: 'lots' } };
export const Dark: Story = {
  render: (args, context) => html`<div style=${DARK_PAGE_STYLE}>${meta.render!(args, context)}</div>`,
};
