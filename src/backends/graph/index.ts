import { BackendConfigError, type BackendFactory } from '../registry.js';
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

/**
 * Plugs into `registerBackend('graph', graphBackendFactory)` for `<kring-community backend="graph">`.
 * The token function comes from `Kring.configure({ getToken })`; `site-url` names the site of the lists.
 */
export const graphBackendFactory: BackendFactory = (settings) => {
  const getToken = settings.getToken;
  if (!getToken) {
    throw new BackendConfigError(
      'backend="graph" needs a token function: call Kring.configure({ getToken }) with one from MSAL.js or SPFx’s aadTokenProviderFactory.',
      'backend',
    );
  }
  return createGraphBackend({
    getToken: (options) => getToken(options),
    fetch: settings.fetch,
    sites: settings.siteUrl ? { community: settings.siteUrl } : undefined,
  });
};
