import type { MemberHistoryPoint, MetricFigure, Person } from '../model.js';
import { figure, share } from './figure.js';
import { sumRelation, suppress, type Cell, type Relation } from './suppression.js';
import { monthAndDayOf, monthOfIndex, monthStartMs, weekStartMs, type MonthIndex } from './time.js';
import { DAY_MS } from '../time.js';

export interface GrowthFigures {
  members: MetricFigure;
  invitedShare: MetricFigure;
  newMembersPerWeek: { weekStart: string; count: number | null; invited: number | null }[];
  memberHistory: MemberHistoryPoint[];
}

const HISTORY_MONTHS = 12;

/** Members who joined before the end of a month (members without a join date always count). */
export function growthFigures(people: readonly Person[], month: MonthIndex): GrowthFigures {
  const firstHistoryMonth = month - HISTORY_MONTHS + 1;
  const joinedPerMonth = new Array<number>(HISTORY_MONTHS).fill(0);
  const invitedPerMonth = new Array<number>(HISTORY_MONTHS).fill(0);
  let membersBefore = 0;
  let invitedBefore = 0;

  const monthStart = monthStartMs(month);
  const monthEnd = monthStartMs(month + 1);
  const firstWeek = weekStartMs(monthStart);
  const weekCount = Math.ceil((monthEnd - firstWeek) / (7 * DAY_MS));
  const weekly = Array.from({ length: weekCount }, (_, week) => ({
    weekStart: new Date(firstWeek + week * 7 * DAY_MS).toISOString().slice(0, 10),
    count: 0,
    invited: 0,
  }));

  for (const person of people) {
    if (person.isMember !== true) continue;
    const invited = person.invitedBy ? 1 : 0;
    const joinedMonth = person.joinedAt ? monthAndDayOf(person.joinedAt) >> 5 : -1;
    if (joinedMonth > month) continue;
    if (joinedMonth < firstHistoryMonth) {
      membersBefore++;
      invitedBefore += invited;
      continue;
    }
    joinedPerMonth[joinedMonth - firstHistoryMonth]++;
    invitedPerMonth[joinedMonth - firstHistoryMonth] += invited;
    if (joinedMonth === month) {
      const week = weekly[Math.floor((Date.parse(person.joinedAt!) - firstWeek) / (7 * DAY_MS))];
      if (week) {
        week.count++;
        week.invited += invited;
      }
    }
  }

  const memberHistory: MemberHistoryPoint[] = [];
  let members = membersBefore;
  let invited = invitedBefore;
  for (let offset = 0; offset < HISTORY_MONTHS; offset++) {
    members += joinedPerMonth[offset];
    invited += invitedPerMonth[offset];
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
