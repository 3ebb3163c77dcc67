import { toBackendError } from '../../errors.js';

/**
 * Makes every promise-returning method of an adapter reject with a BackendError only, whatever went wrong
 * inside (a bug, a TypeError from a platform API): the Backend contract promises callers one error type.
 * Other properties and synchronous methods pass through unchanged.
 */
export function rejectOnlyWithBackendErrors<T extends object>(adapter: T): T {
  const guarded = { ...adapter } as Record<string, unknown>;
  for (const [name, value] of Object.entries(adapter)) {
    if (typeof value !== 'function') continue;
    const method = value as (...args: unknown[]) => unknown;
    guarded[name] = (...args: unknown[]) => {
      const result = method.apply(adapter, args);
      return result instanceof Promise
        ? result.catch((error: unknown) => {
            throw toBackendError(error);
          })
        : result;
    };
  }
  return guarded as T;
}
