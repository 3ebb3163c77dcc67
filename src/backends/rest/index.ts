import type { BackendFactory } from '../registry.js';
import { BackendConfigError } from '../registry.js';
import { createRestBackend } from './rest-backend.js';

export {
  createRestBackend,
  type CsrfHeader,
  type RestBackend,
  type RestBackendOptions,
} from './rest-backend.js';

/** Plugs into `registerBackend('rest', restBackendFactory)` for `<kring-community backend="rest" endpoint="…">`. */
export const restBackendFactory: BackendFactory = (settings) => {
  if (!settings.endpoint) {
    throw new BackendConfigError(
      'backend="rest" needs an endpoint attribute, e.g. endpoint="/api/kring".',
      'endpoint',
    );
  }
  return createRestBackend({
    endpoint: settings.endpoint,
    fetch: settings.fetch,
    credentials: settings.credentials,
    headers: settings.headers,
    getToken: settings.getToken,
    csrf: settings.csrf,
  });
};
