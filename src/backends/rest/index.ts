import type { BackendFactory } from '../registry.js';
import { requiredSetting } from '../registry.js';
import { createRestBackend } from './rest-backend.js';

export {
  createRestBackend,
  type CsrfHeader,
  type RestBackend,
  type RestBackendOptions,
} from './rest-backend.js';

/**
 * Plugs into `registerBackend('rest', restBackendFactory)` for `<kring-community backend="rest" endpoint="…">`.
 * Under `<kring-community>` the CommunityClient already retries reads (honouring Retry-After) and the
 * outbox retries writes with their key, so the adapter itself does not retry: retries on two layers
 * would multiply (4 × 4 requests for one failing read).
 */
export const restBackendFactory: BackendFactory = (settings) => {
  return createRestBackend({
    endpoint: requiredSetting(
      settings.endpoint,
      'endpoint',
      'backend="rest" needs an endpoint attribute, e.g. endpoint="/api/kring".',
    ),
    fetch: settings.fetch,
    credentials: settings.credentials,
    headers: settings.headers,
    getToken: settings.rest?.getToken,
    csrf: settings.csrf,
    photoHosts: settings.photoHosts,
    trustedOrigins: settings.trustedOrigins,
    retries: 0,
    liveUpdates: settings.rest?.liveUpdates,
  });
};
