import type { BackendFactory } from '../registry.js';
import { requireGraphToken } from './settings.js';
import { createGraphBackend } from './graph-backend.js';

export {
  createGraphBackend,
  GRAPH_BASE_URL,
  PHOTO_SIZE,
  type GraphBackend,
  type GraphBackendOptions,
  type GraphCallOptions,
  type GraphSites,
} from './graph-backend.js';
export { GRAPH_PERMISSIONS, MISSING_PERMISSION_CODE, type GraphArea } from './permissions.js';
export { MAX_BATCH_REQUESTS } from './batch.js';
export { requireGraphToken } from './settings.js';

/**
 * Plugs into `registerBackend('graph', graphBackendFactory)` for `<kring-community backend="graph">`.
 * The token function comes from `Kring.configure({ graph: { getToken } })` (or the top-level `getToken`), and goes to `graph.baseUrl` only; `site-url` names the site of the lists.
 */
export const graphBackendFactory: BackendFactory = (settings) => {
  const getToken = requireGraphToken(settings);
  const community = settings.siteUrl ?? settings.graph?.community;
  return createGraphBackend({
    getToken: (options) => getToken(options),
    fetch: settings.fetch,
    baseUrl: settings.graph?.baseUrl,
    manageBadges: settings.graph?.manageBadges,
    sites: community ? { community, lists: settings.graph?.lists } : undefined,
  });
};
