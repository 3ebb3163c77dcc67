import { abortedError, untilAborted } from '../errors.js';

/**
 * Counts the callers waiting on one shared call. A caller whose signal fires is rejected alone;
 * `onEveryoneLeft` runs once the last caller has left, so the shared call can be cancelled.
 * Callers without a signal never leave.
 */
export class Participants {
  #count = 0;

  readonly #onEveryoneLeft: () => void;

  constructor(onEveryoneLeft: () => void) {
    this.#onEveryoneLeft = onEveryoneLeft;
  }

  join<T>(shared: Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) return Promise.reject(abortedError());
    this.#count++;
    return untilAborted(shared, signal, () => {
      if (--this.#count === 0) this.#onEveryoneLeft();
    });
  }
}
