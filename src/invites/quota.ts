import type { Invite, InviteQuota } from '../model.js';

/** Invitations a member may send per calendar month unless configured otherwise. */
export const DEFAULT_INVITE_QUOTA = 5;

/** First moment of the next calendar month (UTC), when the quota resets. */
export function nextMonthStart(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
}

function monthStart(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}

/**
 * The monthly quota of one inviter. Every invitation created this calendar month (UTC) counts,
 * including revoked ones, so sending and revoking cannot be used to exceed it; resending does not
 * create an invitation and so does not count.
 */
export function monthlyInviteQuota(
  invites: readonly Invite[],
  inviterId: string,
  limit: number,
  now: Date,
): InviteQuota {
  const from = monthStart(now).getTime();
  const until = nextMonthStart(now).getTime();
  const used = invites.filter((invite) => {
    if (invite.inviterId !== inviterId) return false;
    const created = new Date(invite.createdAt).getTime();
    return created >= from && created < until;
  }).length;
  return {
    limit,
    used,
    remaining: Math.max(0, limit - used),
    resetsAt: nextMonthStart(now).toISOString(),
  };
}

/**
 * What the element shows: the backend's count against the lower of the backend's limit and the
 * element's `quota` attribute (a page may be stricter than the server, never looser).
 */
export function effectiveQuota(backendQuota: InviteQuota, elementLimit?: number): InviteQuota {
  const limit =
    elementLimit !== undefined && Number.isFinite(elementLimit) && elementLimit >= 0
      ? Math.min(Math.floor(elementLimit), backendQuota.limit)
      : backendQuota.limit;
  return { ...backendQuota, limit, remaining: Math.max(0, limit - backendQuota.used) };
}

export function isQuotaExhausted(quota: InviteQuota): boolean {
  return quota.remaining <= 0;
}
