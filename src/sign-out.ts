import { clearStoredOutboxes } from './client/outbox-storage.js';
import { DEMO_STORAGE_PREFIX } from './backends/demo/storage-key.js';
import { KringSignedOutEvent } from './client/signed-out-event.js';

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
