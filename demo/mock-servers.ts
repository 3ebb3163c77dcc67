/**
 * Lets the demo page run on the REST, SharePoint and Graph adapters with no server: `?backend=rest`,
 * `sharepoint` or `graph` hands Kring a `fetch` that answers from msw's request handlers (the same
 * ones the tests and Storybook use) over the demo data, in the page itself. No service worker is
 * needed, so it also works where one cannot register. `?backend=demo` (the default) loads none of it.
 *
 * Runs before `kring.iife.js` (module scripts and deferred scripts execute in document order) and
 * queues its settings where the Kring core picks them up before it connects.
 */
import type { KringOptions } from '../src/configure.js';
import { queueOptions } from '../src/pending-options.js';

const backend = new URLSearchParams(location.search).get('backend');

/** Where the imitated servers live; `demo.js` gives `<kring-community>` the same addresses. */
export const REST_ENDPOINT = '/api/kring';
export const SITE_URL = `${location.origin}/sites/kring`;

if (backend === 'rest' || backend === 'sharepoint' || backend === 'graph') {
  // The handlers (msw, the demo data) load in parallel with Kring; the first request waits for them.
  const handlers = import('./mock-handlers.js').then((module) =>
    module.createDemoHandlers({ endpoint: REST_ENDPOINT, siteUrl: SITE_URL }),
  );
  const imitatedFetch: typeof fetch = async (input, init) => {
    const { answer } = await handlers;
    return (await answer(new Request(input, init))) ?? fetch(input, init);
  };
  const options: KringOptions = { fetch: imitatedFetch };
  if (backend === 'graph') {
    // A real page gets this from MSAL.js or SPFx; the imitation accepts any token.
    options.getToken = async () => 'demo-imitation-token';
    options.graph = { community: SITE_URL };
  }
  queueOptions(options);
  console.info(`[kring demo] backend="${backend}" answered by msw handlers in this page.`);
}
