/** The public API shared by the ESM entry and the script-tag bundle. */
import { clearStoredOutboxes } from './client/outbox-storage.js';
import { DEMO_STORAGE_PREFIX } from './backends/demo/storage-key.js';
import { KringSignedOutEvent } from './client/signed-out-event.js';
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

export { KringSignedOutEvent } from './client/signed-out-event.js';

/**
 * The user signs out (call it from the intranet's sign-out, or dispatch `kring-signed-out` on `window`):
 * every unsent write and the demo backend's stored data of this browser profile are removed, in every
 * tab, and the clients on the page forget what they cached, so the next person sees nothing of it.
 */
export function signOut(): void {
  const session = storageOrNull('sessionStorage');
  const local = storageOrNull('localStorage');
  clearStoredOutboxes(local, session);
  try {
    const keys: string[] = [];
    for (let index = 0; index < (local?.length ?? 0); index++) {
      const key = local?.key(index);
      if (key?.startsWith(DEMO_STORAGE_PREFIX)) keys.push(key);
    }
    for (const key of keys) local?.removeItem(key);
  } catch {
    // Blocked storage holds nothing.
  }
  globalThis.dispatchEvent?.(new KringSignedOutEvent());
}

function storageOrNull(name: 'localStorage' | 'sessionStorage'): Storage | null {
  try {
    return globalThis[name] ?? null;
  } catch {
    return null;
  }
}
