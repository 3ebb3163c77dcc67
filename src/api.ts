/** The public API shared by the ESM entry and the script-tag bundle. */
export * from './model.js';
export * from './backends/backend.js';
export * from './events/index.js';
export { BackendError, isBackendError, toBackendError } from './errors.js';
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

export { provisionSharePointLists } from './provision.js';

export { KringSignedOutEvent } from './client/signed-out-event.js';

export { signOut } from './sign-out.js';
