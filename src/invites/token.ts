import type { Invite, InviteStatus, InviteTokenState } from '../model.js';
import { DAY_MS } from '../time.js';

/** How long an e-mailed invitation stays valid. */
export const INVITE_VALIDITY_DAYS = 14;
/** How long a personal invite link stays valid. */
export const INVITE_LINK_VALIDITY_DAYS = 30;

export function addDays(iso: string | Date, days: number): string {
  return new Date(new Date(iso).getTime() + days * DAY_MS).toISOString();
}

/** The status a member sees: a pending invitation past its expiry is expired. */
export function effectiveInviteStatus(invite: Invite, now: Date): InviteStatus {
  if (invite.status === 'pending' && new Date(invite.expiresAt).getTime() <= now.getTime()) return 'expired';
  return invite.status;
}

/**
 * What a token means to the person who opens it: `unknown` when no invitation matches,
 * `revoked` when the inviter withdrew it, `used` once accepted or declined, `expired` past its date.
 */
export function inviteTokenState(invite: Invite | undefined, now: Date): InviteTokenState {
  if (!invite) return 'unknown';
  switch (effectiveInviteStatus(invite, now)) {
    case 'revoked':
      return 'revoked';
    case 'accepted':
    case 'declined':
      return 'used';
    case 'expired':
      return 'expired';
    case 'pending':
      return 'valid';
  }
}

/** Only open invitations can be revoked; pending and expired ones can be resent (which renews them). */
export function canRevokeInvite(invite: Invite, now: Date): boolean {
  return effectiveInviteStatus(invite, now) === 'pending';
}

export function canResendInvite(invite: Invite, now: Date): boolean {
  const status = effectiveInviteStatus(invite, now);
  return status === 'pending' || status === 'expired';
}

/** The URL parameter an invitation link carries its token in; `<kring-welcome>` reads the same one. */
export const INVITE_TOKEN_PARAM = 'invite';

/**
 * Reads `param` from the page address and takes it out of the address bar (`history.replaceState`), so the
 * token does not stay on screen, in the history, in bookmarks or in the `Referer` of the next request.
 * Other parameters and the fragment stay as they were.
 */
export function takeUrlParam(param: string): string {
  const location = globalThis.location;
  if (!param || !location) return '';
  const url = new URL(location.href);
  const value = url.searchParams.get(param)?.trim() ?? '';
  if (!url.searchParams.has(param)) return value;
  url.searchParams.delete(param);
  try {
    globalThis.history?.replaceState(globalThis.history.state, '', url.href);
  } catch {
    // A sandboxed frame may refuse; the token is still read.
  }
  return value;
}
