import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/index.js';
import { registerBackend } from '../src/backends/registry.js';
import { createDemoBackend } from '../src/backends/demo/index.js';
import { BackendError } from '../src/errors.js';
import type { Backend } from '../src/backends/backend.js';
import { DARK_PAGE_STYLE } from './dark-theme.js';

function variant(name: string, replace: (base: Backend) => Partial<Backend>): void {
  registerBackend(name, () => {
    const base = createDemoBackend({ persist: false });
    return Object.assign(Object.create(base) as Backend, { name, ...replace(base) });
  });
}

variant('story-composer-sending', () => ({ giveKudos: () => new Promise(() => {}) }));
variant('story-composer-limit', () => ({
  giveKudos: () =>
    Promise.reject(
      new BackendError('invalid', 'You already gave Anna 3 kudos in the last 24 hours.', {
        code: 'kudos.daily-limit',
      }),
    ),
}));
variant('story-composer-offline', () => ({
  giveKudos: () => Promise.reject(new BackendError('network', 'The server could not be reached.')),
}));

type Args = {
  backend: string;
  to: string;
  values: string;
  value: string;
  lang: 'en' | 'nl' | 'de' | 'fr';
  dark: boolean;
};

const meta: Meta<Args> = {
  title: 'Elements/Kudos composer',
  component: 'kring-kudos-composer',
  parameters: { kringCommunity: false },
  args: { backend: 'demo', to: '', values: '', value: '', lang: 'en', dark: false },
  argTypes: { lang: { control: 'inline-radio', options: ['en', 'nl', 'de', 'fr'] } },
  render: ({ backend, to, values, value, lang, dark }) =>
    html`<div style=${dark ? DARK_PAGE_STYLE : ''}>
      <kring-community backend=${backend} lang=${lang} tracking="off">
        <div style="max-width: 36rem">
          <kring-kudos-composer to=${to} values=${values} value=${value}></kring-kudos-composer>
        </div>
      </kring-community>
    </div>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Default: Story = {};
export const Dutch: Story = { args: { lang: 'nl' } };
export const OwnValues: Story = { args: { values: 'Samen sterk, Eerlijk, Nieuwsgierig' } };
export const Preset: Story = { args: { to: 'p00002,p00003', value: 'Samen sterk' } };
export const TenReceivers: Story = {
  args: { to: Array.from({ length: 10 }, (_, index) => `p${String(index + 2).padStart(5, '0')}`).join(',') },
};
/** Press send: the kudos stays "Sending…". */
export const Sending: Story = { args: { backend: 'story-composer-sending', to: 'p00002' } };
/** Press send: the backend refuses with `kudos.daily-limit`, shown inline; the message comes back. */
export const DailyLimitRefusal: Story = { args: { backend: 'story-composer-limit', to: 'p00002' } };
export const DailyLimitRefusalDutch: Story = {
  args: { backend: 'story-composer-limit', to: 'p00002', lang: 'nl' },
};
/** Press send while "offline": "not sent yet", retried with backoff, then "not sent" with retry and discard. */
export const Offline: Story = { args: { backend: 'story-composer-offline', to: 'p00002' } };
export const Dark: Story = { args: { dark: true } };
export const RightToLeft: Story = {
  render: (args, context) => html`<div dir="rtl" lang="en">${meta.render!(args, context)}</div>`,
};
