import { abortedError, throwIfAborted } from '../../errors.js';

/**
 * Spaces calls at least `intervalMs` apart (SharePoint allows a user ten search requests per second).
 * Each caller waits for its slot; a caller whose signal aborts while waiting gives up its slot's work.
 */
export function createRateGate(
  intervalMs: number,
  now: () => number,
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>,
) {
  let nextSlot = 0;
  return async function waitForSlot(signal?: AbortSignal): Promise<void> {
    const current = now();
    const slot = Math.max(current, nextSlot);
    nextSlot = slot + intervalMs;
    const waitMs = slot - current;
    if (waitMs > 0) {
      try {
        await sleep(waitMs, signal);
      } catch (cause) {
        throw abortedError(cause);
      }
    }
    throwIfAborted(signal);
  };
}
