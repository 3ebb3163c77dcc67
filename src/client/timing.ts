import { pageTimers } from '../backends/http/backoff.js';

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
    setTimeout: overrides.setTimeout ?? pageTimers.setTimeout,
    clearTimeout: overrides.clearTimeout ?? pageTimers.clearTimeout,
  };
}

export { backoffDelay, sleep, type BackoffPolicy } from '../backends/http/backoff.js';
