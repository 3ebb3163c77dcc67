/**
 * The outbox's stored form, shared by the outbox (`outbox.ts`, loaded when needed) and what the core
 * must do without it: tell whether unsent writes are stored, store a write made before the outbox
 * arrived, and forget every stored write at sign-out.
 */
import type { OutboxEntry } from './types.js';
import { argsOf } from './write-args.js';
import type { WriteRequest } from './writes.js';
import { DAY_MS } from '../time.js';
import { newIdempotencyKey } from '../idempotency-key.js';

/** Every stored outbox starts with this; `Kring.signOut()` removes everything under it. */
export const OUTBOX_STORAGE_PREFIX = 'kring.outbox.';
/** Tab-scoped record of whose outbox the tab showed last (sessionStorage). */
export const OUTBOX_USER_PREFIX = 'kring.outbox-user.';
/** Stored writes not yet sent are dropped after this long, and the user is told. */
export const OUTBOX_MAX_AGE_MS = 7 * DAY_MS;
/** Stands for "the signed-in user is not known yet" in a storage key. */
export const UNKNOWN_USER = '?';

/** The key of `user`'s stored writes for a tenant. */
export function storedKey(storageKey: string, user: string): string {
  return `${OUTBOX_STORAGE_PREFIX}${storageKey}:${encodeURIComponent(user)}`;
}

/** The tab's record of whose writes it showed last, for a tenant. */
export function userRecordKey(storageKey: string): string {
  return `${OUTBOX_USER_PREFIX}${storageKey}`;
}

/** Whether any user's writes are stored for this tenant. */
export function hasStoredWrites(storage: Storage | null, storageKey: string): boolean {
  return keysStartingWith(storage, `${OUTBOX_STORAGE_PREFIX}${storageKey}:`).length > 0;
}

/** A new entry for `request`, about to be sent: a fresh idempotency key, nothing tried yet. */
export function newEntry(request: WriteRequest, now: number, userId?: string): OutboxEntry {
  // A copy: the caller may change its object afterwards; what is stored is what was asked.
  const copy = JSON.parse(JSON.stringify(request)) as WriteRequest;
  return {
    id: newIdempotencyKey(),
    ...copy,
    state: 'sending',
    attempts: 0,
    createdAt: new Date(now).toISOString(),
    userId,
    rev: 0,
  };
}

/** An entry as stored: with the older argument list too (see `argsOf`). */
export function storedEntry(entry: OutboxEntry): OutboxEntry & { args: unknown[] } {
  return { ...entry, args: argsOf(entry) };
}

export function storedForm(entries: readonly OutboxEntry[]): string {
  return JSON.stringify(entries.map(storedEntry));
}

export function readSession(storage: Storage | null, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** Removes every stored outbox (all tenants, all users) and the tab's record of its user. */
export function clearStoredOutboxes(storage: Storage | null, session: Storage | null): void {
  removeKeysStartingWith(storage, OUTBOX_STORAGE_PREFIX);
  removeKeysStartingWith(session, OUTBOX_USER_PREFIX);
}

/** Removes every key of `store` that starts with `prefix` (sign-out). */
export function removeKeysStartingWith(store: Storage | null, prefix: string): void {
  try {
    for (const key of keysStartingWith(store, prefix)) store!.removeItem(key);
  } catch {
    // Blocked storage holds nothing.
  }
}

/** The keys of `store` that start with `prefix`; none where there is no storage or it is blocked. */
function keysStartingWith(store: Storage | null, prefix: string): string[] {
  const keys: string[] = [];
  try {
    for (let index = 0; store && index < store.length; index++) {
      const key = store.key(index);
      if (key?.startsWith(prefix)) keys.push(key);
    }
  } catch {
    // Blocked storage holds nothing.
  }
  return keys;
}

/** The browser's storage, or null where there is none or the browser's privacy settings block it. */
export function browserStorage(name: 'localStorage' | 'sessionStorage'): Storage | null {
  try {
    return globalThis[name] ?? null;
  } catch {
    return null;
  }
}
