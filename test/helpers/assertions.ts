import { expect } from '@open-wc/testing';
import { BackendError } from '../../src/errors.js';
import type { Backend } from '../../src/backends/backend.js';

/** The BackendError a promise rejects with; fails the test when it resolves or rejects with anything else. */
export async function rejection(promise: Promise<unknown>): Promise<BackendError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(BackendError);
    return error as BackendError;
  }
  throw new Error('expected a rejection');
}

/** A `sleep` for adapters that records each wait instead of waiting. */
export function recordingSleep() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

/**
 * With the member list failing to load: a plain search still answers (nobody marked as member or not),
 * a members-only search fails with the server's reason.
 */
export async function expectSearchWithoutMemberList(backend: Backend): Promise<void> {
  const found = await backend.searchPeople({ text: 'a', limit: 5 });
  expect(found.items).to.have.length(5);
  expect(
    found.items.every((match) => match.person.isMember === undefined),
    'nobody marked',
  ).to.equal(true);
  const refused = await rejection(backend.searchPeople({ text: 'a', membersOnly: true, limit: 5 }));
  expect(refused.kind).to.equal('server');
}

interface NextEventOptions {
  /** An event that means `name` will not come (e.g. `kring-kudos-failed` for `kring-kudos-sent`). */
  failOn?: string;
  /** Ms to wait; 20 s unless told (under mocha's 30 s per test, with room for a loaded CI machine). */
  timeout?: number;
}

/**
 * The next `name` event on `target`, typed by the event map for Kring's event names, like open-wc's `oneEvent`, but a run never hangs on it: rejects when
 * `failOn` fires first (with that event's detail in the message) or after `timeout` ms.
 */
export function nextEvent<K extends keyof GlobalEventHandlersEventMap>(
  target: EventTarget,
  name: K,
  options?: NextEventOptions,
): Promise<GlobalEventHandlersEventMap[K]>;
export function nextEvent<E extends Event = Event>(
  target: EventTarget,
  name: string,
  options?: NextEventOptions,
): Promise<E>;
export function nextEvent<E extends Event = Event>(
  target: EventTarget,
  name: string,
  { failOn, timeout = 20_000 }: NextEventOptions = {},
): Promise<E> {
  return new Promise<E>((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      target.removeEventListener(name, onEvent);
      if (failOn) target.removeEventListener(failOn, onFailure);
    };
    const onEvent = (event: Event) => {
      done();
      resolve(event as E);
    };
    const onFailure = (event: Event) => {
      done();
      const detail = (event as CustomEvent).detail as { error?: { message?: string } } | undefined;
      reject(new Error(`${failOn} instead of ${name}: ${detail?.error?.message ?? JSON.stringify(detail)}`));
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`no ${name} within ${timeout} ms`));
    }, timeout);
    target.addEventListener(name, onEvent);
    if (failOn) target.addEventListener(failOn, onFailure);
  });
}
