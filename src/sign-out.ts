import { browserStorage, clearStoredOutboxes, removeKeysStartingWith } from './client/outbox-storage.js';
import { DEMO_STORAGE_PREFIX } from './backends/demo/storage-key.js';
import { KringSignedOutEvent } from './client/signed-out-event.js';

/**
 * The user signs out (call it from the intranet's sign-out, or dispatch `kring-signed-out` on `window`):
 * every unsent write and the demo backend's stored data of this browser profile are removed, in every
 * tab, and the clients on the page forget what they cached, so the next person sees nothing of it.
 */
export function signOut(): void {
  const local = browserStorage('localStorage');
  clearStoredOutboxes(local, browserStorage('sessionStorage'));
  removeKeysStartingWith(local, DEMO_STORAGE_PREFIX);
  globalThis.dispatchEvent?.(new KringSignedOutEvent());
}
