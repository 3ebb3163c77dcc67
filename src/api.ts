/** The public API shared by the ESM entry and the script-tag bundle. */
export * from './model.js';
export * from './backends/backend.js';
export * from './events/index.js';
export { BackendError, isBackendError, toBackendError } from './backends/errors.js';
export type * from './client/types.js';
export { clientContext, configContext, type KringConfig } from './context.js';
export {
  overrideStrings,
  registerLanguage,
  availableLanguages,
  LANGUAGES,
  type Language,
  type BuiltInLanguage,
  type StringTable,
} from './i18n/index.js';
export { defineElement, KRING_VERSION } from './define.js';
export { configure, type KringOptions } from './configure.js';
export {
  registerBackend,
  BACKEND_NAMES,
  type BackendName,
  type BackendFactory,
  type BackendSettings,
  type BackendTokenProvider,
} from './backends/registry.js';
export { createClient, CommunityClient } from './client/community-client.js';

/**
 * Creates the Kring lists on a SharePoint site if they are missing. Loads the SharePoint adapter on
 * first use, so script-tag pages (`Kring.provisionSharePointLists(...)`) do not carry it otherwise.
 */
export async function provisionSharePointLists(
  ...args: Parameters<typeof import('./backends/sharepoint/index.js').provisionSharePointLists>
): ReturnType<typeof import('./backends/sharepoint/index.js').provisionSharePointLists> {
  const { provisionSharePointLists: provision } = await import('./backends/sharepoint/index.js');
  return provision(...args);
}
