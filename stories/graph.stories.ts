import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/index.js';
import { configure } from '../src/configure.js';
import { createDemoBackend } from '../src/backends/demo/index.js';
import { createGraphHandlers, type GraphFault } from '../mocks/graph/handlers.js';

// `<kring-community backend="graph">` answered by an imitation of Microsoft Graph (msw) over the demo data.
// The token function is what MSAL.js or SPFx would give; here any token is accepted.
configure({ getToken: async () => 'storybook-token' });

const demo = createDemoBackend({ persist: false, storage: null });
const mock = (fault?: GraphFault, setup?: (control: ReturnType<typeof createGraphHandlers>) => void) => {
  const control = createGraphHandlers({ backend: demo });
  if (fault) control.fail(fault);
  setup?.(control);
  return control;
};
const graph = mock();
// Person 4 has no photo in the imitation (every fourth person), so the row shows initials too.
const ids = graph.users.slice(1, 7).map((user) => String(user.userPrincipalName).toLowerCase());

const cards = (view = 'compact', people = ids) =>
  html`<kring-community backend="graph" tracking="off">
    ${people.map((id) => html`<kring-profile-card person=${id} view=${view}></kring-profile-card>`)}
  </kring-community>`;

const meta: Meta = {
  title: 'Backends/Microsoft Graph',
  parameters: { kringCommunity: false, msw: { handlers: graph.handlers } },
  render: () => cards(),
};
export default meta;
type Story = StoryObj;

/** Six cards: one `$batch` with an `in (…)` filter and six photo parts; the person without a photo shows initials. */
export const Cards: Story = {};

/** An opened card: "about me" and skills (beta profile API) are fetched for it alone. */
export const Opened: Story = { render: () => cards('full', ids.slice(1, 2)) };

/** The beta skills API fails: the opened card still shows everything else. */
export const BetaUnavailable: Story = {
  parameters: { msw: { handlers: mock(undefined, (control) => (control.betaAvailable = false)).handlers } },
  render: () => cards('full', ids.slice(1, 2)),
};

/** One photo part is throttled (429, Retry-After 1.5 s): only that part is sent again, after the wait. */
export const ThrottledPart: Story = {
  parameters: {
    msw: {
      handlers: mock({
        status: 429,
        retryAfter: '1.5',
        match: (request) => request.inBatch && request.path.includes('/photos/'),
      }).handlers,
    },
  },
};

/** Graph refuses to read users (403): every card names the permission an administrator must grant. */
export const MissingPermission: Story = {
  parameters: {
    msw: {
      handlers: mock({ status: 403, times: 1000, match: (request) => request.path === '/users' }).handlers,
    },
  },
};
