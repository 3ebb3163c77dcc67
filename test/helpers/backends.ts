import type { Backend } from '../../src/backends/backend.js';
import { createDemoBackend } from '../../src/backends/demo/index.js';
import { registerBackend } from '../../src/backends/registry.js';
import { TEST_NOW } from './clock.js';

export type CallLog = Record<string, unknown[][]>;

/** Replacement methods, typed like the backend's own; an override may add an optional one (watchPeople). */
export type BackendOverrides = {
  [Method in keyof Backend]?: NonNullable<Backend[Method]> extends (...args: infer Args) => infer Result
    ? (...args: Args) => Result
    : never;
};

/**
 * Wraps a backend so a test can count calls per method and replace (or add) some methods.
 * `calls.getPeople` holds the argument lists of every getPeople call, in order.
 */
export function instrument(
  base: Backend,
  overrides: BackendOverrides = {},
): { backend: Backend; calls: CallLog } {
  const calls: CallLog = {};
  const backend = new Proxy(base, {
    get(target, property, receiver) {
      const original = Reflect.get(target, property, receiver) as unknown;
      const name = String(property);
      const replacement = overrides[name as keyof Backend] as ((...args: unknown[]) => unknown) | undefined;
      // An override may also add an optional method the base backend lacks (watchPeople).
      if (typeof original !== 'function' && !replacement) return original;
      return (...args: unknown[]) => {
        (calls[name] ??= []).push(args);
        return replacement
          ? replacement(...args)
          : (original as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { backend, calls };
}

let counter = 0;

/**
 * Registers a fresh demo backend (memory only) under a unique `backend="…"` name and returns
 * the name plus its call log, so a test can write `<kring-community backend=${name}>`. Its data ends
 * on `TEST_NOW`, whatever today is.
 */
export function registerTestBackend(
  overrides: Parameters<typeof instrument>[1] = {},
  demo: Parameters<typeof createDemoBackend>[0] = {},
): { name: string; calls: CallLog; backend: Backend } {
  const name = `test-${++counter}-${Date.now()}`;
  const { backend, calls } = instrument(
    createDemoBackend({ persist: false, latencyMs: 0, now: TEST_NOW, ...demo }),
    overrides,
  );
  registerBackend(name, () => backend);
  return { name, calls, backend };
}

/** A promise that never settles, for holding an element in its loading state. */
export function never<T>(): Promise<T> {
  return new Promise<T>(() => {});
}
