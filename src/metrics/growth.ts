import type { MemberHistoryPoint, MetricFigure, Person } from '../model.js';
import { figure, share } from './figure.js';
import { sumRelation, suppress, type Cell, type Relation } from './suppression.js';
import {
  daysInMonth,
  monthAndDayOf,
  monthOfIndex,
  monthStartMs,
  weekStartMs,
  type MonthIndex,
} from './time.js';
import { DAY_MS } from '../time.js';

export interface GrowthFigures {
  members: MetricFigure;
  invitedShare: MetricFigure;
  newMembersPerWeek: { weekStart: string; count: number | null; invited: number | null }[];
  memberHistory: MemberHistoryPoint[];
}

export const HISTORY_MONTHS = 12;

/** Members who joined, and how many of them were invited. */
export interface JoinCount {
  joined: number;
  invited: number;
}

/**
 * The member counts the growth figures read, for a month: who joined before the 12 months of history
 * (or has no join date), per month of history (oldest first), and per day of the month itself.
 */
export interface GrowthTallies {
  before: JoinCount;
  /** `HISTORY_MONTHS` entries; the last is the month itself. */
  months: JoinCount[];
  /** One entry per day of the month: `days[d]` is day d + 1. */
  days: JoinCount[];
}

export function emptyGrowthTallies(month: MonthIndex): GrowthTallies {
  const none = (): JoinCount => ({ joined: 0, invited: 0 });
  return {
    before: none(),
    months: Array.from({ length: HISTORY_MONTHS }, none),
    days: Array.from({ length: daysInMonth(month) }, none),
  };
}

/** Members who joined before the end of a month (members without a join date always count). */
export function growthTallies(people: readonly Person[], month: MonthIndex): GrowthTallies {
  const firstHistoryMonth = month - HISTORY_MONTHS + 1;
  const tallies = emptyGrowthTallies(month);
  for (const person of people) {
    if (person.isMember !== true) continue;
    const invited = person.invitedBy ? 1 : 0;
    const joined = person.joinedAt ? monthAndDayOf(person.joinedAt) : -1;
    const joinedMonth = joined >> 5;
    if (joinedMonth > month) continue;
    const count =
      joinedMonth < firstHistoryMonth ? tallies.before : tallies.months[joinedMonth - firstHistoryMonth];
    count.joined++;
    count.invited += invited;
    if (joinedMonth === month) {
      tallies.days[joined & 31].joined++;
      tallies.days[joined & 31].invited += invited;
    }
  }
  return tallies;
}

export function growthFigures(tallies: GrowthTallies, month: MonthIndex): GrowthFigures {
  const firstHistoryMonth = month - HISTORY_MONTHS + 1;
  const monthStart = monthStartMs(month);
  const firstWeek = weekStartMs(monthStart);
  const weekCount = Math.ceil((monthStartMs(month + 1) - firstWeek) / (7 * DAY_MS));
  const weekly = Array.from({ length: weekCount }, (_, week) => ({
    weekStart: new Date(firstWeek + week * 7 * DAY_MS).toISOString().slice(0, 10),
    count: 0,
    invited: 0,
  }));
  tallies.days.forEach((day, dayIndex) => {
    const week = weekly[Math.floor((monthStart + dayIndex * DAY_MS - firstWeek) / (7 * DAY_MS))];
    week.count += day.joined;
    week.invited += day.invited;
  });

  const memberHistory: MemberHistoryPoint[] = [];
  let members = tallies.before.joined;
  let invited = tallies.before.invited;
  for (let offset = 0; offset < HISTORY_MONTHS; offset++) {
    members += tallies.months[offset].joined;
    invited += tallies.months[offset].invited;
    memberHistory.push({ month: monthOfIndex(firstHistoryMonth + offset), members, invited });
  }
  const now = memberHistory[HISTORY_MONTHS - 1];
  const before = memberHistory[HISTORY_MONTHS - 2];
  return {
    members: figure(
      { value: now.members, people: now.members },
      { value: before.members, people: before.members },
    ),
    invitedShare: figure(
      { value: share(now.invited, now.members), people: now.members },
      { value: share(before.invited, before.members), people: before.members },
    ),
    newMembersPerWeek: protectWeeks(weekly),
    memberHistory,
  };
}

/**
 * Weeks with 1–4 new members (or 1–4 invited, or 1–4 not invited) are withheld, and enough other weeks
 * that none follows from the month's total (which the member history shows) or from the week's other figure.
 */
export function protectWeeks(
  weeks: readonly { weekStart: string; count: number; invited: number }[],
): { weekStart: string; count: number | null; invited: number | null }[] {
  const cells: Cell[] = [];
  const relations: Relation[] = [];
  for (const week of weeks) {
    const base = cells.length;
    cells.push(
      { value: week.count, people: week.count },
      { value: week.invited, people: week.invited },
      { value: week.count - week.invited, people: week.count - week.invited, published: false },
    );
    relations.push(sumRelation(base, [base + 1, base + 2]));
  }
  const column = (offset: number) => weeks.map((_, week) => week * 3 + offset);
  relations.push(
    sumRelation(undefined, column(0)),
    sumRelation(undefined, column(1)),
    sumRelation(undefined, column(2)),
  );
  const hidden = suppress(cells, relations);
  return weeks.map((week, index) => ({
    weekStart: week.weekStart,
    count: hidden[index * 3] ? null : week.count,
    invited: hidden[index * 3 + 1] ? null : week.invited,
  }));
}
