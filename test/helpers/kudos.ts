/**
 * Helpers for the kudos and people-picker tests: an in-memory Storage shared across "reloads",
 * a demo backend with a network switch, and a `<kring-community>` wired to them.
 */
import { html, type TemplateResult } from 'lit';
import { fixture, waitUntil } from '@open-wc/testing';
import {
  createDemoBackend,
  type DemoBackend,
  type DemoBackendOptions,
} from '../../src/backends/demo/index.js';
import { BackendError } from '../../src/errors.js';
import type { Backend } from '../../src/backends/backend.js';
import type { ClientOptions, CommunityClientApi } from '../../src/client/types.js';
import { configure } from '../../src/configure.js';
import { TEST_NOW } from './clock.js';
import type { KringCommunity } from '../../src/elements/community/community.js';
import '../../src/elements/community/define.js';
import '../../src/elements/profile-card/define.js';
import '../../src/elements/kudos-feed/define.js';
import '../../src/elements/kudos-composer/define.js';
import '../../src/elements/people-picker/define.js';

/** A Storage in memory: survives "reloads" within a test, never touches localStorage. */
export { MemoryStorage } from './client-fake-backend.js';

export interface TestBackend {
  backend: Backend;
  demo: DemoBackend;
  /**
   * Switch the simulated network off (every call rejects with a `network` error) and on; `refuse`
   * makes the server refuse every write with that error.
   */
  network: { online: boolean; refuse?: BackendError };
  /** Calls per method, for counting. */
  calls: Map<string, number>;
  /** When set, `giveKudos` reaches the server and then "loses" the answer this many times. */
  loseAnswers: { giveKudos: number };
}

const WRITES = new Set([
  'giveKudos',
  'react',
  'endorseSkill',
  'unendorseSkill',
  'sendInvite',
  'resendInvite',
  'revokeInvite',
  'createInviteLink',
  'respondToInvite',
  'chooseAmbassadorRoles',
  'recordEvidence',
  'awardBadge',
  'revokeBadge',
]);

/** A demo backend behind a switchable network; its data ends on `TEST_NOW`, whatever today is. */
export function testBackend(options: DemoBackendOptions = {}): TestBackend {
  const demo = createDemoBackend({ storage: null, now: TEST_NOW, ...options });
  const network: TestBackend['network'] = { online: true };
  const calls = new Map<string, number>();
  const loseAnswers = { giveKudos: 0 };
  const backend = new Proxy(demo, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        calls.set(String(property), (calls.get(String(property)) ?? 0) + 1);
        if (!network.online) throw new BackendError('network', 'The server could not be reached.');
        if (network.refuse && WRITES.has(String(property))) throw network.refuse;
        const result = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        if (property === 'giveKudos' && loseAnswers.giveKudos > 0) {
          loseAnswers.giveKudos--;
          throw new BackendError('network', 'The connection dropped before the answer arrived.');
        }
        return result;
      };
    },
  }) as DemoBackend;
  return { backend, demo, network, calls, loseAnswers };
}

/** Fast retries so tests do not wait for real backoff. */
export const FAST_CLIENT: ClientOptions = {
  backoffBaseMs: 5,
  backoffMaxMs: 20,
  batchWindowMs: 1,
  trackFlushMs: 60_000,
};

/**
 * Renders `content` inside a `<kring-community>` that uses `backend` and a client with `storage`.
 * Resolves once the community's client is ready.
 */
export async function inCommunity<T extends Element>(
  backend: Backend,
  content: TemplateResult,
  options: { storage?: Storage | null; sessionStorage?: Storage; client?: ClientOptions; lang?: string } = {},
): Promise<{ community: KringCommunity; client: CommunityClientApi; element: T }> {
  configure({
    backend,
    client: {
      ...FAST_CLIENT,
      storage: options.storage ?? null,
      // A reload keeps the tab's session: the outbox shows its user's writes before it can check the user.
      sessionStorage: options.sessionStorage ?? null,
      eventTarget: null,
      ...options.client,
    },
  });
  const community = await fixture<KringCommunity>(
    html`<kring-community lang=${options.lang ?? 'en'}>${content}</kring-community>`,
  );
  await waitUntil(() => community.communityClient, 'the community has a client');
  const element = community.firstElementChild as T;
  // Rendered: an element shows nothing until the strings of its language (say Dutch) have loaded.
  await (element as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
  return { community, client: community.communityClient!, element };
}

/** Text of an element's shadow root, whitespace collapsed. */
export function shadowText(element: Element): string {
  return (element.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function $(element: Element, selector: string): HTMLElement | null {
  return element.shadowRoot!.querySelector(selector);
}

export function $$(element: Element, selector: string): HTMLElement[] {
  return [...element.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
}

/** The element that has focus, looking through shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/*
 * The virtualizer re-measures items inside a ResizeObserver callback; Chromium then reports the
 * benign "ResizeObserver loop completed with undelivered notifications" as a window error, which
 * mocha would count as a failure. Only that exact message is ignored; every other error still fails.
 */
window.addEventListener('error', (event) => {
  if (String(event.message).includes('ResizeObserver loop completed with undelivered notifications')) {
    event.stopImmediatePropagation();
    event.preventDefault();
  }
});
