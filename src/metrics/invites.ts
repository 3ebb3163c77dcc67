import type { Invite } from '../model.js';
import type { ActivityWindow } from './activity-scan.js';
import type { PeopleIndex } from './people-index.js';
import { monthAndDayOf, type MonthIndex } from './time.js';

export const ACTIVE_WITHIN_DAYS = 30;
const WINDOW_MS = ACTIVE_WITHIN_DAYS * 86_400_000;

export interface InviteFunnel {
  sent: number;
  accepted: number;
  activeWithin30Days: number;
}

/** An accepted invitation of the month, with the invitee's person id and the window after accepting. */
export interface AcceptedInvite {
  inviteeId: string;
  window: ActivityWindow;
}

export interface MonthInvites {
  sent: number;
  accepted: AcceptedInvite[];
}

/** Invitations sent in the month, and those of them that were accepted. */
export function monthInvites(
  invites: readonly Invite[],
  month: MonthIndex,
  index: PeopleIndex,
): MonthInvites {
  const result: MonthInvites = { sent: 0, accepted: [] };
  for (const invite of invites) {
    if (monthAndDayOf(invite.createdAt) >> 5 !== month) continue;
    result.sent++;
    if (invite.status !== 'accepted') continue;
    const inviteeId = invite.inviteeId ?? personIdByEmail(invite.email, index);
    const startMs = Date.parse(invite.respondedAt ?? invite.createdAt);
    result.accepted.push({
      inviteeId: inviteeId ?? `email:${invite.email}`,
      window: { startMs, endMs: startMs + WINDOW_MS },
    });
  }
  return result;
}

function personIdByEmail(email: string, index: PeopleIndex): string | undefined {
  const number = index.byId.get(email.toLowerCase());
  return number === undefined || number >= index.directorySize ? undefined : index.people[number].id;
}

/** The windows the activity scan watches, by person number. */
export function inviteWindows(month: MonthInvites, index: PeopleIndex): Map<number, ActivityWindow[]> {
  const windows = new Map<number, ActivityWindow[]>();
  for (const { inviteeId, window } of month.accepted) {
    const person = index.numberOf(inviteeId);
    const list = windows.get(person);
    if (list) list.push(window);
    else windows.set(person, [window]);
  }
  return windows;
}

export function inviteFunnel(
  month: MonthInvites,
  activeInWindow: ReadonlySet<number>,
  index: PeopleIndex,
): InviteFunnel {
  return {
    sent: month.sent,
    accepted: month.accepted.length,
    activeWithin30Days: month.accepted.filter((invite) =>
      activeInWindow.has(index.numberOf(invite.inviteeId)),
    ).length,
  };
}
