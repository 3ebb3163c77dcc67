import type { Backend, LiveEvent } from '../../src/backends/backend.js';
import { FakeBackend } from './client-fake-backend.js';

/**
 * A backend that offers live updates: every stream it opens says `ready` at once, stays open until
 * aborted, and can be pushed events (`push`).
 */
export function liveBackend() {
  const fake = new FakeBackend();
  const streams: ((event: LiveEvent) => void)[] = [];
  const backend = new Proxy(fake, {
    get(target, property, receiver) {
      if (property === 'capabilities') return { ...target.capabilities, liveUpdates: true };
      if (property === 'streamEvents')
        return ({ onEvent, signal }: { onEvent: (event: LiveEvent) => void; signal: AbortSignal }) => {
          streams.push(onEvent);
          onEvent({ id: '1', type: 'ready', data: {} });
          return new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
        };
      return Reflect.get(target, property, receiver) as unknown;
    },
  }) as FakeBackend & Backend;
  return { backend, streams, push: (event: LiveEvent) => streams.at(-1)?.(event) };
}

/** Whether this page has fetched the live updates' module (`src/client/live-client.ts`). */
export function liveCodeFetched(): boolean {
  return performance.getEntriesByType('resource').some((entry) => new URL(entry.name).pathname === LIVE_CODE);
}

/** The live updates' module, loaded with a client's first subscriber. */
export const LIVE_CODE = '/src/client/live-client.ts';
