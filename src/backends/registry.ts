import type { Backend } from './backend.js';

export const BACKEND_NAMES = ['demo', 'rest', 'sharepoint', 'graph'] as const;
export type BackendName = (typeof BACKEND_NAMES)[number];

/** Everything a factory may need; attributes supply the strings, `Kring.configure` the rest. */
export interface BackendSettings {
  /** REST base URL (`endpoint` attribute). */
  endpoint?: string;
  /** SharePoint site URL (`site-url` attribute). */
  siteUrl?: string;
  fetch?: typeof fetch;
  headers?: Record<string, string>;
  credentials?: RequestCredentials;
  /** Bearer token source; `forceRefresh` is set after a 401. */
  getToken?: (options?: { forceRefresh?: boolean }) => Promise<string>;
  /** CSRF header for CMS backends (WordPress nonce, Drupal token). */
  csrf?: { header: string; value: string | (() => string | Promise<string>) };
  /** Options for `backend="graph"` (the token comes from `getToken`; `site-url` also names the lists' site). */
  graph?: {
    /** Default `https://graph.microsoft.com`; a national cloud or a proxy otherwise. */
    baseUrl?: string;
    /** Site holding the Kring lists (a Graph site id or URL), when not given by `site-url`. */
    community?: string;
    /** List titles that differ from the defaults (`Kring Kudos`, …), by list key. */
    lists?: Partial<
      Record<'kudos' | 'endorsements' | 'invites' | 'members' | 'ambassadors' | 'badges' | 'activity', string>
    >;
    /** Whether the signed-in user may award badges by hand. */
    manageBadges?: boolean;
  };
  /** Options for the in-browser demo backend. */
  demo?: {
    seed?: number;
    size?: number;
    persist?: boolean;
    latencyMs?: number;
    /** The demo's clock (a fixed date or a function); its data ends on this day. Default the real clock. */
    now?: Date | (() => Date);
  };
}

export type BackendFactory = (settings: BackendSettings) => Backend | Promise<Backend>;

/** Thrown by a factory when required settings are missing; shown in `<kring-community>`. */
export class BackendConfigError extends Error {
  constructor(
    message: string,
    readonly attribute?: string,
  ) {
    super(message);
    this.name = 'BackendConfigError';
  }
}

// Filled by `registerBuiltinBackends` (ESM) or the script-tag bundle, and by integrators; keyed by
// the name in lower case, because `backend="REST"` means `rest`.
const factories = new Map<string, BackendFactory>();

const key = (name: string) => name.trim().toLowerCase();

/** Registers (or replaces) the factory behind a `backend="name"` attribute value, in any case. */
export function registerBackend(name: string, factory: BackendFactory): void {
  factories.set(key(name), factory);
}

/** The factory a `backend` attribute value names, in any case and with spaces around it. */
export function backendFactory(name: string): BackendFactory | undefined {
  return factories.get(key(name));
}

/** The values `backend` accepts: the built-in names, then any an integrator registered. */
export function backendNames(): string[] {
  return [...new Set<string>([...BACKEND_NAMES, ...factories.keys()])];
}
