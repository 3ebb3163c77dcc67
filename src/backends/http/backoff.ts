import { abortedError } from '../../errors.js';
import type { Timing } from '../../client/timing.js';

export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

/**
 * Delay before retry number `attempt` (0-based): "full jitter", a random wait between 0 and
 * base·2^attempt, never above the cap, so many clients failing together do not retry together.
 * The server's Retry-After is a lower bound. The one backoff of the project (client, outbox, adapters).
 */
export function backoffDelay(
  attempt: number,
  policy: BackoffPolicy,
  random: () => number = Math.random,
  retryAfterMs?: number,
): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** attempt);
  return Math.max(Math.floor(random() * ceiling), retryAfterMs ?? 0);
}

/**
 * Resolves after `ms`, or as soon as `wake` resolves (the browser came back online); rejects with an
 * `aborted` BackendError as soon as the signal fires.
 */
export function sleep(
  ms: number,
  timing: Pick<Timing, 'setTimeout' | 'clearTimeout'>,
  signal?: AbortSignal,
  wake?: Promise<void>,
): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortedError());
    const onAbort = (): void => {
      timing.clearTimeout(handle);
      reject(abortedError());
    };
    const done = (): void => {
      timing.clearTimeout(handle);
      signal?.removeEventListener('abort', onAbort);
      resolve();
    };
    const handle = timing.setTimeout(done, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
    void wake?.then(done);
  });
}

/** The page's own timers (`abortableSleep`, and the client's unless a test gives its own). */
export const pageTimers: Pick<Timing, 'setTimeout' | 'clearTimeout'> = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms) as unknown as number,
  clearTimeout: (handle) => globalThis.clearTimeout(handle),
};

/** A timer that resolves after `ms`, or rejects at once (an `aborted` BackendError) when the signal aborts. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return sleep(ms, pageTimers, signal);
}
