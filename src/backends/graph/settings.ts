import { BackendConfigError, type BackendSettings } from '../registry.js';

/**
 * `backend="graph"` cannot work without a token function, and a token cannot live in an attribute:
 * this says so before the adapter is even loaded.
 */
export function requireGraphToken(
  settings: BackendSettings,
): asserts settings is BackendSettings & Required<Pick<BackendSettings, 'getToken'>> {
  if (typeof settings.getToken !== 'function') {
    throw new BackendConfigError(
      'backend="graph" needs a token function: call Kring.configure({ getToken }) with one from MSAL.js or SPFx’s aadTokenProviderFactory.',
      'backend',
    );
  }
}
