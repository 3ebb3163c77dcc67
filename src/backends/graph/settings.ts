import { BackendConfigError, type BackendSettings, type BackendTokenProvider } from '../registry.js';

/**
 * `backend="graph"` cannot work without a token function, and a token cannot live in an attribute:
 * this says so before the adapter is even loaded.
 */
export function requireGraphToken(settings: BackendSettings): BackendTokenProvider {
  const getToken = settings.graph?.getToken ?? settings.getToken;
  if (typeof getToken !== 'function') {
    throw new BackendConfigError(
      'backend="graph" needs a token function: call Kring.configure({ graph: { getToken } }) (or Kring.configure({ getToken })) with one from MSAL.js or SPFx’s aadTokenProviderFactory.',
      'backend',
    );
  }
  return getToken;
}
