import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/index.js';

type Args = {
  multiple: boolean;
  excludeMe: boolean;
  membersOnly: boolean;
  value: string;
  label: string;
  lang: 'en' | 'nl' | 'de' | 'fr';
};

const meta: Meta<Args> = {
  title: 'Elements/People picker',
  component: 'kring-people-picker',
  parameters: { kringCommunity: false },
  args: { multiple: true, excludeMe: false, membersOnly: false, value: '', label: '', lang: 'en' },
  argTypes: { lang: { control: 'inline-radio', options: ['en', 'nl', 'de', 'fr'] } },
  render: ({ multiple, excludeMe, membersOnly, value, label, lang }) =>
    html`<kring-community backend="demo" lang=${lang} tracking="off">
      <div style="max-width: 28rem; min-height: 22rem">
        <kring-people-picker
          ?multiple=${multiple}
          ?exclude-me=${excludeMe}
          ?members-only=${membersOnly}
          value=${value}
          label=${ifDefined(label || undefined)}
        ></kring-people-picker>
      </div>
    </kring-community>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Multiple: Story = {};
export const Single: Story = { args: { multiple: false } };
export const Preset: Story = { args: { value: 'p00002,p00003,p00004' } };
export const ExcludeMeMembersOnly: Story = {
  args: { excludeMe: true, membersOnly: true, label: 'Invite a member' },
};
export const Dutch: Story = { args: { lang: 'nl', value: 'p00002' } };
export const TenPeople: Story = {
  args: {
    value: Array.from({ length: 10 }, (_, index) => `p${String(index + 2).padStart(5, '0')}`).join(','),
  },
};

/** A form field: the chosen ids are submitted under `name`; `required` stops an empty submit. */
export const InAForm: Story = {
  render: ({ lang }) =>
    html`<kring-community backend="demo" lang=${lang} tracking="off">
      <form
        style="max-width: 28rem; min-height: 22rem; display: grid; gap: 0.75rem; align-content: start"
        @submit=${(event: SubmitEvent) => {
          event.preventDefault();
          const form = event.currentTarget as HTMLFormElement;
          const ids = new FormData(form).getAll('reviewers').join(', ');
          form.querySelector('output')!.value = `reviewers = ${ids}`;
        }}
      >
        <kring-people-picker name="reviewers" multiple required label="Reviewers"></kring-people-picker>
        <div><button type="submit">Send for review</button> <button type="reset">Reset</button></div>
        <output aria-live="polite"></output>
      </form>
    </kring-community>`,
};
