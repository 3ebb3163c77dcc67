/**
 * One call for a demo page or a manual test: starts msw in the browser with the REST contract and the
 * SharePoint imitation, both over one demo data set, so `<kring-community backend="rest" endpoint="/api/kring">`
 * and `<kring-community backend="sharepoint" site-url="/sites/kring">` show the same people.
 * Needs `/mockServiceWorker.js` served from the site root (`public/` in Vite and Storybook).
 */
import { setupWorker, type SetupWorker } from 'msw/browser';
import { createDemoBackend, type DemoBackend } from '../../src/backends/demo/index.js';
import { createSharePointMock, type SharePointMockControl } from '../sharepoint/handlers.js';
import { createRestHandlers } from './handlers.js';

export interface MockServerOptions {
  /** REST base URL. Default `/api/kring`. */
  endpoint?: string;
  /** SharePoint site URL. Default `${location.origin}/sites/kring`. */
  siteUrl?: string;
  backend?: DemoBackend;
}

export interface MockServer {
  worker: SetupWorker;
  backend: DemoBackend;
  endpoint: string;
  siteUrl: string;
  sharePoint: SharePointMockControl;
}

export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const endpoint = options.endpoint ?? '/api/kring';
  const siteUrl = options.siteUrl ?? `${location.origin}/sites/kring`;
  const backend = options.backend ?? createDemoBackend({ persist: false, storage: null });
  const sharePoint = createSharePointMock({ siteUrl, backend });
  const worker = setupWorker(...createRestHandlers({ endpoint, backend }), ...sharePoint.handlers);
  await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
  return { worker, backend, endpoint, siteUrl, sharePoint: sharePoint.control };
}
