import { BackendError, isBackendError } from '../../errors.js';
import { backoffDelay } from '../http/index.js';

export interface CreateOnceRequest<Item> {
  /** Attempts after a transient failure (each preceded by a look-up of the key). */
  attempts: number;
  /** The key was just made up, so nothing can carry it yet: skip the first look-up. */
  freshKey: boolean;
  /** The item that carries the key, if a write with it reached the server. */
  findByKey: () => Promise<Item | undefined>;
  /** Sends the create; the new item, or undefined when the answer does not hold it. */
  post: () => Promise<Item | undefined>;
  /** Said when neither the answer nor a look-up finds the new item. */
  missingMessage: string;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  random: () => number;
  signal?: AbortSignal;
}

/**
 * Creates an item at most once per key: lists have no idempotency header, so before every repeat the list
 * is asked for an item with the key, and a POST that arrived but whose answer was lost is not sent twice.
 */
export async function createOnce<Item>(request: CreateOnceRequest<Item>): Promise<Item> {
  let lastError: unknown;
  for (let attempt = 0; attempt < request.attempts; attempt += 1) {
    if (attempt > 0 || !request.freshKey) {
      const existing = await request.findByKey();
      if (existing) return existing;
    }
    try {
      const created = await request.post();
      if (created) return created;
      const found = await request.findByKey();
      if (found) return found;
      throw new BackendError('server', request.missingMessage);
    } catch (error) {
      if (!isBackendError(error) || !error.transient) throw error;
      lastError = error;
      const waitMs =
        error.retryAfterMs ?? backoffDelay(attempt, { baseMs: 300, maxMs: 10_000 }, request.random);
      if (waitMs > 60_000) throw error;
      await request.sleep(waitMs, request.signal);
    }
  }
  throw lastError;
}
