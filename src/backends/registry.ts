import type { Backend } from './backend.js';

/** Returns a bearer token; `forceRefresh` is set after a 401. */
export type BackendTokenProvider = (options?: { forceRefresh?: boolean }) => Promise<string>;

export const BACKEND_NAMES = ['demo', 'rest', 'sharepoint', 'graph'] as const;
export type BackendName = (typeof BACKEND_NAMES)[number];

/** Everything a factory may need; attributes supply the strings, `Kring.configure` the rest. */
export interface BackendSettings {
  /** REST base URL (`endpoint` attribute). */
  endpoint?: string;
  /** SharePoint site URL (`site-url` attribute). */
  siteUrl?: string;
  fetch?: typeof fetch;
  /** Extra headers for `backend="rest"` (sent only to its endpoint). */
  headers?: Record<string, string>;
  credentials?: RequestCredentials;
  /**
   * Microsoft Graph's token source, for `backend="graph"` only (the same as `graph.getToken`). Other
   * backends never receive it: give them their own (`rest.getToken`, `sharepoint.getToken`).
   */
  getToken?: BackendTokenProvider;
  /** `backend="rest"`: hosts photo URLs may come from besides the page's origin (https only). */
  photoHosts?: string[];
  /** CSRF header for CMS backends (WordPress nonce, Drupal token); `backend="rest"` only. */
  csrf?: { header: string; value: string | (() => string | Promise<string>) };
  /**
   * Origins besides the page's own that `endpoint` and `site-url` attributes may point at, e.g.
   * `['https://api.intranet.example']`. An attribute naming any other origin is refused, so a page author
   * cannot send the user's token, cookies, digest or CSRF header to a server of their choosing.
   */
  trustedOrigins?: readonly string[];
  /** Options for `backend="rest"`. */
  rest?: {
    /** Bearer token for the REST API; asked again with `forceRefresh: true` after a 401. */
    getToken?: BackendTokenProvider;
    /** The server offers live updates (`GET /events`, as Kring Server does). Default false. */
    liveUpdates?: boolean;
  };
  /** Options for `backend="sharepoint"`. */
  sharepoint?: {
    /** Bearer token for SharePoint (instead of cookies and the form digest). */
    getToken?: BackendTokenProvider;
  };
  /** Options for `backend="graph"` (`site-url` also names the lists' site). */
  graph?: {
    /** Access token for Microsoft Graph; sent to `baseUrl` only. */
    getToken?: BackendTokenProvider;
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
    /** Who is signed in (id or e-mail). Default the community manager. */
    currentUserId?: string;
    /** Whose saved writes to use; the same value lets several demo users share one world. Default `currentUserId`. */
    storageOwner?: string;
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

/** A setting the adapter cannot do without, or a `BackendConfigError` naming its attribute. */
export function requiredSetting(value: string | undefined, attribute: string, message: string): string {
  if (!value) throw new BackendConfigError(message, attribute);
  return value;
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
