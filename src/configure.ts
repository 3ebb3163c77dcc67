import type { Backend } from './backends/backend.js';
import type { BackendSettings } from './backends/registry.js';
import type { ClientOptions } from './client/types.js';
import { overrideStrings, type Language, type StringTable } from './i18n/index.js';

/** What attributes cannot carry: functions, secrets, objects. */
export interface KringOptions extends Omit<BackendSettings, 'endpoint' | 'siteUrl'> {
  /** A ready backend instance; used by every `<kring-community>` that has no `backend` attribute. */
  backend?: Backend;
  /** Wraps whatever backend a community creates (logging, counting, custom headers). */
  wrapBackend?: (backend: Backend) => Backend;
  client?: ClientOptions;
  strings?: Partial<Record<Language, StringTable>>;
  organization?: { name: string; url?: string };
}

const listeners = new Set<() => void>();
let current: KringOptions = {};

/**
 * Page-wide settings for every `<kring-community>`, e.g. `Kring.configure({ getToken })`.
 * Communities already on the page rebuild their backend with the new settings.
 */
export function configure(options: KringOptions): void {
  current = { ...current, ...options };
  if (options.strings) overrideStrings(options.strings);
  for (const listener of listeners) listener();
}

export function configuredOptions(): Readonly<KringOptions> {
  return current;
}

/** Calls `listener` after every `configure`; returns the unsubscribe function. */
export function onConfigure(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
