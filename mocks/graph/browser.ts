/**
 * Starts the Microsoft Graph imitation in a browser page (demo page, Storybook, bench) and hands Kring a
 * token function, so `<kring-community backend="graph">` works without a tenant:
 *
 * ```ts
 * import { startGraphImitation } from './mocks/graph/browser.js';
 * await startGraphImitation({ demoIdAliases: true });
 * ```
 *
 * The page must serve msw's worker at `/mockServiceWorker.js`, and a page with a CSP must allow
 * `img-src blob:` for the photos.
 */
import { setupWorker, type SetupWorker } from 'msw/browser';
import { configure } from '../../src/configure.js';
import { createGraphHandlers, type GraphMockControl, type GraphMockOptions } from './handlers.js';

export async function startGraphImitation(
  options: GraphMockOptions = {},
): Promise<{ control: GraphMockControl; worker: SetupWorker }> {
  const control = createGraphHandlers(options);
  const worker = setupWorker(...control.handlers);
  await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
  configure({ getToken: async () => 'imitation-token' });
  return { control, worker };
}
