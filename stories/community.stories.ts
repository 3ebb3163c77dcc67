import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/index.js';

type Args = { backend: string; lang: string; tracking: string };

const meta: Meta<Args> = {
  title: 'Elements/Community',
  component: 'kring-community',
  parameters: { kringCommunity: false },
  args: { backend: 'demo', lang: 'en', tracking: 'on' },
  render: ({ backend, lang, tracking }) =>
    html`<kring-community backend=${backend} lang=${lang} tracking=${tracking}>
      <kring-profile-card person="me"></kring-profile-card>
    </kring-community>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Demo: Story = {};
export const Dutch: Story = { args: { lang: 'nl' } };
export const BadBackendValue: Story = { args: { backend: 'oracle' } };
export const BadTrackingValue: Story = { args: { tracking: 'maybe' } };
export const PageProvider: Story = {
  render: () =>
    html`<kring-community backend="demo" page></kring-community>
      <section aria-label="Web part A"><kring-profile-card person="me"></kring-profile-card></section>
      <section aria-label="Web part B"><kring-profile-card person="p00002"></kring-profile-card></section>`,
};
