import { abortedError } from '../errors.js';

/** Clock, randomness and timers, injectable so tests control time. */
export interface Timing {
  now: () => number;
  random: () => number;
  setTimeout: (callback: () => void, ms: number) => number;
  clearTimeout: (handle: number) => void;
}

export function defaultTiming(overrides: Partial<Timing> = {}): Timing {
  return {
    now: overrides.now ?? (() => Date.now()),
    random: overrides.random ?? (() => Math.random()),
    setTimeout:
      overrides.setTimeout ?? ((callback, ms) => globalThis.setTimeout(callback, ms) as unknown as number),
    clearTimeout: overrides.clearTimeout ?? ((handle) => globalThis.clearTimeout(handle)),
  };
}

export { backoffDelay, type BackoffPolicy } from '../backends/http/backoff.js';

/**
 * Resolves after `ms`, or as soon as `wake` resolves (the browser came back online); rejects with an
 * `aborted` BackendError as soon as the signal fires.
 */
export function sleep(ms: number, timing: Timing, signal?: AbortSignal, wake?: Promise<void>): Promise<void> {
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
