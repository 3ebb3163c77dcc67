import type { Timing } from './timing.js';

/** What one tab tells the others about the shared outbox. */
export type OutboxTabMessage =
  | { type: 'changed' }
  /** The sender delivered `id`; `result` is the backend's answer, for a tab that waits for it. */
  | { type: 'delivered'; id: string; result: unknown }
  | { type: 'discarded'; id: string }
  /** The user signed out in that tab: every tab forgets its writes. */
  | { type: 'signed-out' };

/**
 * Makes exactly one tab of a browser profile the sender of a shared outbox, and carries news between
 * tabs. The other tabs store their writes, wake the sender and learn the outcome from it.
 */
export interface OutboxTabs {
  /** Calls `onLead` once, when this tab becomes the sender (at once, later, or never). */
  lead(onLead: () => void): void;
  post(message: OutboxTabMessage): void;
  listen(onMessage: (message: OutboxTabMessage) => void): void;
  close(): void;
}

/** A tab that is alone (no storage to share): it is the sender, and there is nobody to tell. */
export function aloneTabs(): OutboxTabs {
  return {
    lead: (onLead) => onLead(),
    post: () => undefined,
    listen: () => undefined,
    close: () => undefined,
  };
}

/** How long a storage lease lasts without renewal (browsers without Web Locks). */
export const SENDER_LEASE_MS = 10_000;

/**
 * The sender is the tab holding a Web Lock named after the outbox (released when the tab closes or the
 * client is disposed; the next tab in line takes over). Browsers without Web Locks use a lease in
 * `storage` that the sender renews; a tab whose lease ran out is replaced. News travels over a
 * BroadcastChannel; without one, every tab sends (the idempotency key still keeps writes single).
 */
export function browserTabs(name: string, storage: Storage, timing: Timing): OutboxTabs {
  if (typeof BroadcastChannel === 'undefined') return aloneTabs();
  const channel = new BroadcastChannel(name);
  let release: (() => void) | undefined;
  let leaseTimer: number | undefined;
  let closed = false;
  const tabId = Math.random().toString(36).slice(2);
  const leaseKey = `${name}:sender`;
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;

  function holdLease(onLead: () => void, leading: boolean): void {
    if (closed) return;
    let lease: { tab?: string; until?: number } = {};
    try {
      lease = JSON.parse(storage.getItem(leaseKey) ?? '{}') as typeof lease;
    } catch {
      // An unreadable lease is an expired one.
    }
    const now = timing.now();
    const mine = lease.tab === tabId || !lease.until || lease.until < now;
    if (mine) {
      try {
        storage.setItem(leaseKey, JSON.stringify({ tab: tabId, until: now + SENDER_LEASE_MS }));
      } catch {
        // Storage blocked: act as the sender; the keys keep writes single.
      }
      if (!leading) onLead();
    }
    leaseTimer = timing.setTimeout(() => holdLease(onLead, leading || mine), SENDER_LEASE_MS / 3);
  }

  return {
    lead(onLead) {
      if (!locks) return holdLease(onLead, false);
      void locks
        .request(name, () => {
          if (closed) return undefined;
          onLead();
          return new Promise<void>((resolve) => (release = resolve));
        })
        .catch(() => onLead());
    },
    post(message) {
      if (!closed) channel.postMessage(message);
    },
    listen(onMessage) {
      channel.onmessage = (event: MessageEvent<OutboxTabMessage>) => onMessage(event.data);
    },
    close() {
      closed = true;
      release?.();
      if (leaseTimer !== undefined) timing.clearTimeout(leaseTimer);
      try {
        const lease = JSON.parse(storage.getItem(leaseKey) ?? '{}') as { tab?: string };
        if (lease.tab === tabId) storage.removeItem(leaseKey);
      } catch {
        // Nothing to hand over.
      }
      channel.close();
    },
  };
}
