import { getResponse, type HttpHandler } from 'msw';
import { createDemoBackend } from '../src/backends/demo/index.js';
import { createRestHandlers } from '../mocks/rest/handlers.js';
import { createSharePointMock } from '../mocks/sharepoint/handlers.js';
import { createGraphHandlers } from '../mocks/graph/handlers.js';

/**
 * The REST contract, the SharePoint imitation and the Graph imitation over one demo data set, so
 * the page shows the same people whichever adapter it uses.
 */
export function createDemoHandlers(options: { endpoint: string; siteUrl: string }) {
  const backend = createDemoBackend({ persist: true });
  const handlers: HttpHandler[] = [
    ...createRestHandlers({ endpoint: options.endpoint, backend }),
    ...createSharePointMock({ siteUrl: options.siteUrl, backend, demoIdAliases: true, fullDemo: true })
      .handlers,
    ...createGraphHandlers({ backend, siteUrl: options.siteUrl, demoIdAliases: true, fullDemo: true })
      .handlers,
  ];
  return {
    /** The mocked response, or undefined when no handler claims the request. */
    answer: (request: Request) => getResponse(handlers, request),
  };
}
