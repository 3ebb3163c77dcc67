import type { DemoStore } from './store.js';

/** What every domain module of the demo backend gets. */
export interface DemoContext {
  store: DemoStore;
  /** Person id of the signed-in user. */
  currentUserId: string;
  /** Most kudos one person may give the same colleague within any 24 hours (default 3). */
  kudosDailyLimit: number;
  /** Invitations a member may send per calendar month (UTC). */
  monthlyInviteQuota: number;
  /** The URL an invite token is shared as. */
  inviteUrl(token: string): string;
}
