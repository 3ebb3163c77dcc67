import { isBackendError } from '../../errors.js';

const reported = new Set<string>();

/**
 * The community store (the Kring lists) may be missing where a team only wants profile cards: a
 * `not-found` from it gives `fallback` (cards keep what the directory gave, without endorsements),
 * and one console error per page names the fix. Other failures are passed on.
 */
export function unlessStoreMissing<T>(read: Promise<T>, fallback: T, fix: string): Promise<T> {
  return read.catch((error: unknown) => {
    if (!isBackendError(error) || error.kind !== 'not-found') throw error;
    if (!reported.has(fix)) {
      reported.add(fix);
      console.error(`[kring] ${error.message} ${fix}`);
    }
    return fallback;
  });
}
