import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/index.js';
import { createDemoBackend } from '../src/backends/demo/index.js';
import { registerBackend } from '../src/backends/registry.js';
import { restBackendFactory } from '../src/backends/rest/index.js';
import { sharePointBackendFactory } from '../src/backends/sharepoint/index.js';
import { faults } from '../mocks/faults.js';
import { createRestHandlers } from '../mocks/rest/handlers.js';
import { createSharePointHandlers } from '../mocks/sharepoint/handlers.js';

// The real adapters, answered by msw: the REST contract and a SharePoint imitation over the demo data.
registerBackend('rest', restBackendFactory);
registerBackend('sharepoint', sharePointBackendFactory);

const endpoint = '/api/kring';
const siteUrl = `${location.origin}/sites/kring`;
const demo = createDemoBackend({ persist: false, storage: null });
const people = demo.demo.data.people.slice(0, 6);
const restHandlers = createRestHandlers({ endpoint, backend: demo });
const sharePointHandlers = createSharePointHandlers({ siteUrl, backend: demo });

const restPage = () =>
  html`<kring-community backend="rest" endpoint=${endpoint} tracking="off">
    ${people.map((person) => html`<kring-profile-card person=${person.id}></kring-profile-card>`)}
  </kring-community>`;

const meta: Meta = {
  title: 'Backends/REST and SharePoint',
  parameters: { kringCommunity: false, msw: { handlers: restHandlers } },
  render: restPage,
};
export default meta;
type Story = StoryObj;

/** Profile cards through `backend="rest"`: one `POST /people/lookup` for all six. */
export const Rest: Story = {};

/** The same cards through `backend="sharepoint"`: profiles come from a `$batch` of PeopleManager calls. */
export const SharePoint: Story = {
  parameters: { msw: { handlers: sharePointHandlers } },
  render: () =>
    html`<kring-community backend="sharepoint" site-url=${siteUrl} tracking="off">
      ${people.map(
        (person) => html`<kring-profile-card person=${person.email.toLowerCase()}></kring-profile-card>`,
      )}
    </kring-community>`,
};

/** The first lookup is throttled (429, Retry-After 2 s); the client waits and the cards appear. */
export const Throttled: Story = {
  parameters: {
    msw: {
      handlers: [
        faults.throttled(`${endpoint}/people/lookup`, { retryAfter: '2', times: 1 }),
        ...restHandlers,
      ],
    },
  },
};

/** The server keeps failing: every card shows the error and a retry button. */
export const ServerError: Story = {
  parameters: { msw: { handlers: [faults.serverError(`${endpoint}/people/lookup`), ...restHandlers] } },
};

/** A proxy answers with an HTML page: the cards show its title, never its markup. */
export const HtmlErrorPage: Story = {
  parameters: { msw: { handlers: [faults.htmlError(`${endpoint}/people/lookup`), ...restHandlers] } },
};

/** The server answers 200 with broken JSON. */
export const MalformedJson: Story = {
  parameters: { msw: { handlers: [faults.malformedJson(`${endpoint}/people/lookup`), ...restHandlers] } },
};

/** No network at all. */
export const Offline: Story = {
  parameters: { msw: { handlers: [faults.offline(`${endpoint}/*`)] } },
};

/** The server never answers: the adapter's timeout ends the wait. */
export const Timeout: Story = {
  parameters: { msw: { handlers: [faults.timeout(`${endpoint}/people/lookup`), ...restHandlers] } },
};
