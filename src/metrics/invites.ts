import type { Invite } from '../model.js';
import type { ActivityWindow } from './activity-scan.js';
import type { PeopleIndex } from './people-index.js';
import { sumRelation, suppress } from './suppression.js';
import { monthAndDayOf, type MonthIndex } from './time.js';
import { DAY_MS } from '../time.js';

export const ACTIVE_WITHIN_DAYS = 30;
const WINDOW_MS = ACTIVE_WITHIN_DAYS * DAY_MS;

/** Each step `null` when withheld (see `protectFunnel`). */
export interface InviteFunnel {
  sent: number | null;
  accepted: number | null;
  activeWithin30Days: number | null;
}

/** An accepted invitation of the month, with the invitee's person id and the window after accepting. */
export interface AcceptedInvite {
  inviteeId: string;
  window: ActivityWindow;
}

export interface MonthInvites {
  sent: number;
  /** Distinct people who sent them. */
  inviters: number;
  accepted: AcceptedInvite[];
}

/** Invitations sent in the month, and those of them that were accepted. */
export function monthInvites(
  invites: readonly Invite[],
  month: MonthIndex,
  index: PeopleIndex,
): MonthInvites {
  const result: MonthInvites = { sent: 0, inviters: 0, accepted: [] };
  const inviters = new Set<string>();
  for (const invite of invites) {
    if (monthAndDayOf(invite.createdAt) >> 5 !== month) continue;
    result.sent++;
    inviters.add(invite.inviterId);
    result.inviters = inviters.size;
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

/** The month's invitations counted: sent, by how many inviters, accepted, and active within 30 days. */
export interface InviteTallies {
  sent: number;
  inviters: number;
  accepted: number;
  active: number;
}

export function inviteTallies(
  month: MonthInvites,
  activeInWindow: ReadonlySet<number>,
  index: PeopleIndex,
): InviteTallies {
  const active = month.accepted.filter((invite) =>
    activeInWindow.has(index.numberOf(invite.inviteeId)),
  ).length;
  return { sent: month.sent, inviters: month.inviters, accepted: month.accepted.length, active };
}

export function inviteFunnel(tallies: InviteTallies): InviteFunnel {
  return protectFunnel(tallies.sent, tallies.inviters, tallies.accepted, tallies.active);
}

/**
 * Sent rests on the inviters, accepted and active on the invitees. The ones who did not accept and those
 * not active are never shown, but follow by subtraction, so they are small figures to protect as well.
 */
export function protectFunnel(
  sent: number,
  inviters: number,
  accepted: number,
  active: number,
): InviteFunnel {
  const hidden = suppress(
    [
      { value: sent, people: inviters },
      { value: accepted, people: accepted },
      { value: active, people: active },
      { value: sent - accepted, people: sent - accepted, published: false },
      { value: accepted - active, people: accepted - active, published: false },
    ],
    [sumRelation(0, [1, 3]), sumRelation(1, [2, 4])],
  );
  return {
    sent: hidden[0] ? null : sent,
    accepted: hidden[1] ? null : accepted,
    activeWithin30Days: hidden[2] ? null : active,
  };
}
