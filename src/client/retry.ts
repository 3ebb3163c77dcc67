import { abortedError, toBackendError } from '../errors.js';
import { backoffDelay, sleep, type BackoffPolicy, type Timing } from './timing.js';

export interface RetryPolicy extends BackoffPolicy {
  /** Retries after the first attempt. */
  retries: number;
  /** Resolves when waiting is pointless (the browser came back online): the next attempt goes at once. */
  wake?: () => Promise<void>;
}

/**
 * Runs a read, retrying transient failures (network, throttled, server) with backoff.
 * Always rejects with a BackendError; an aborted signal stops it at once.
 */
export async function withRetry<T>(
  call: (signal?: AbortSignal) => Promise<T>,
  policy: RetryPolicy,
  timing: Timing,
  signal?: AbortSignal,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    if (signal?.aborted) throw abortedError();
    try {
      return await call(signal);
    } catch (thrown) {
      const error = signal?.aborted ? abortedError() : toBackendError(thrown);
      // A server asking for a longer pause than our cap: let the element offer a retry instead of hanging.
      const tooLong = (error.retryAfterMs ?? 0) > policy.maxMs;
      if (!error.transient || tooLong || attempt >= policy.retries) throw error;
      const delay = backoffDelay(attempt, policy, timing.random, error.retryAfterMs);
      await sleep(delay, timing, signal, error.retryAfterMs ? undefined : policy.wake?.());
    }
  }
}
