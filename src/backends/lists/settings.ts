import { INVITE_TOKEN_PARAM } from '../../invites/token.js';

/** The kudos values offered when an adapter is given none. */
export const DEFAULT_KUDOS_VALUES = ['Samen sterk', 'Klantgericht', 'Lef', 'Vakmanschap', 'Zorg voor elkaar'];

/** Options every adapter over the community lists takes (SharePoint REST, Microsoft Graph). */
export interface ListAdapterSettings {
  /** Whether the current user may award badges by hand (list permissions decide in the end). */
  manageBadges?: boolean;
  kudosValues?: string[];
  inviteQuota?: number;
  /** Builds the link an invitation token is shared with. */
  inviteUrl?: (token: string) => string;
  timeoutMs?: number;
  retries?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  now?: () => number;
}

/**
 * The link an invitation token is shared with: `inviteUrl` when the page set one, else this page
 * (or `fallbackBase` outside a browser) with `?invite=<token>`, where `<kring-welcome>` finds it.
 */
export function invitationLink(
  token: string,
  inviteUrl: ListAdapterSettings['inviteUrl'],
  fallbackBase: string,
): string {
  if (inviteUrl) return inviteUrl(token);
  const here = globalThis.location ? `${location.origin}${location.pathname}` : fallbackBase;
  return `${here}?${INVITE_TOKEN_PARAM}=${encodeURIComponent(token)}`;
}

/**
 * The kudos values and invitation links the list modules work with, from an adapter's settings: the
 * defaults above where the page set none. `fallbackBase`: the invitation link's base outside a browser.
 */
export function kudosAndInviteSettings(
  settings: Pick<ListAdapterSettings, 'kudosValues' | 'inviteUrl'>,
  fallbackBase: string,
): { kudosValues: string[]; inviteUrl: (token: string) => string } {
  return {
    kudosValues: settings.kudosValues ?? DEFAULT_KUDOS_VALUES,
    inviteUrl: (token) => invitationLink(token, settings.inviteUrl, fallbackBase),
  };
}
