import type { FacetCount, Kudos, MetricFigure } from '../model.js';
import { MIN_PEOPLE, figure, share, tooFewPeople, type Measured, type Withheld } from './figure.js';
import type { PeopleIndex } from './people-index.js';
import { lowerBound } from '../search/skill-dictionary.js';
import { derivable, sumRelation, suppress, type Cell, type Relation } from './suppression.js';
import { monthAndDayOf, type MonthIndex } from './time.js';

export interface KudosFigures {
  kudosGiven: MetricFigure;
  kudosGivers: MetricFigure;
  kudosReceivers: MetricFigure;
  crossDepartmentShare: MetricFigure;
  reciprocity: MetricFigure;
  topValues: FacetCount[];
  departmentMatrix: { departments: string[]; counts: (number | null)[][] };
}

const TOP = 10;
/** Person numbers stay far below this, so a pair of them is one safe integer. */
const PAIR = 2 ** 26;

/** A kudos crosses departments when the giver's department is known and differs from every receiver's. */
export function crossesDepartments(kudos: Kudos, index: PeopleIndex): boolean {
  const giverDepartment = index.departmentOfId(kudos.from);
  if (giverDepartment < 0 || kudos.to.length === 0) return false;
  return kudos.to.every((receiver) => index.departmentOfId(receiver) !== giverDepartment);
}

/** A value (a search term, a kudos value) with how often it occurs and on how many distinct people. */
export interface FacetTally {
  value: string;
  count: number;
  people: number;
}

/** Top entries by count, keeping only those that rest on at least 5 distinct people. */
export function topByPeople(tallies: Iterable<FacetTally>): FacetCount[] {
  return [...tallies]
    .filter((tally) => tally.people >= MIN_PEOPLE)
    .map(({ value, count }) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
    .slice(0, TOP);
}

/** Tallies with their people as sets, counted. */
export function countedTallies(tallies: Map<string, { count: number; people: Set<unknown> }>): FacetTally[] {
  return [...tallies].map(([value, tally]) => ({ value, count: tally.count, people: tally.people.size }));
}

/**
 * The kudos of a month and the month before, by person number (`PeopleIndex.numberOf`): what the kudos
 * figures read. Kudos `i` was given by `from[i]` to `receivers[receiverStart[i]]` up to (not including)
 * `receivers[receiverStart[i + 1]]`, in the month when `inMonth[i]` is 1, else in the month before.
 * A backend that reads kudos in bulk fills this directly; `kudosColumns` makes it from kudos objects.
 */
export interface KudosColumns {
  inMonth: Uint8Array;
  from: Int32Array;
  value: (string | null | undefined)[];
  receiverStart: Int32Array;
  receivers: Int32Array;
}

export function kudosColumns(
  kudosList: readonly Kudos[],
  month: MonthIndex,
  index: PeopleIndex,
): KudosColumns {
  const kept: Kudos[] = [];
  const inMonth: number[] = [];
  for (const kudos of kudosList) {
    const kudosMonth = monthAndDayOf(kudos.createdAt) >> 5;
    if (kudosMonth !== month && kudosMonth !== month - 1) continue;
    kept.push(kudos);
    inMonth.push(kudosMonth === month ? 1 : 0);
  }
  const receiverStart = new Int32Array(kept.length + 1);
  const receivers: number[] = [];
  kept.forEach((kudos, i) => {
    receiverStart[i] = receivers.length;
    for (const receiver of kudos.to) receivers.push(index.numberOf(receiver));
  });
  receiverStart[kept.length] = receivers.length;
  return {
    inMonth: Uint8Array.from(inMonth),
    from: Int32Array.from(kept, (kudos) => index.numberOf(kudos.from)),
    value: kept.map((kudos) => kudos.value),
    receiverStart,
    receivers: Int32Array.from(receivers),
  };
}

/** What the kudos figures of one month rest on. */
export interface KudosMonthTallies {
  given: number;
  givers: number;
  /** Distinct people who received. */
  receivers: number;
  /** Kudos whose giver's department is known and differs from every receiver's. */
  crossDepartment: number;
  /** Distinct giver → receiver pairs (not to oneself), and how many of them were returned in the month. */
  pairs: number;
  reciprocatedPairs: number;
}

/**
 * The kudos counts the figures read, for a month and the one before. The matrix counts the month's kudos
 * per giving and receiving department (a kudos once per receiving department), with the distinct givers
 * behind each cell; departments are indexes into `departments`, every department in the directory.
 */
export interface KudosTallies {
  current: KudosMonthTallies;
  previous: KudosMonthTallies;
  /** The month's kudos values. */
  values: FacetTally[];
  departments: string[];
  cells: { giver: number; receiver: number; count: number; givers: number }[];
}

/** How many distinct values a sorted array holds. */
function distinctSorted(sorted: Float64Array): number {
  let count = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) count++;
  return count;
}

/** Of the distinct giver → receiver pairs (sorted keys), how many were also given the other way. */
function reciprocatedSorted(sorted: Float64Array): number {
  let count = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i > 0 && sorted[i] === sorted[i - 1]) continue;
    const giver = Math.floor(sorted[i] / PAIR);
    const reverse = (sorted[i] - giver * PAIR) * PAIR + giver;
    const at = lowerBound(sorted, reverse);
    if (at < sorted.length && sorted[at] === reverse) count++;
  }
  return count;
}

/**
 * Counts the columns by person number in typed arrays (distinct people as marks, distinct pairs as
 * sorted keys), not sets: a month of a 50,000-person company's kudos is tens of thousands of rows.
 */
export function kudosTallies(columns: KudosColumns, index: PeopleIndex): KudosTallies {
  const { inMonth, from, value, receiverStart, receivers } = columns;
  const departments = index.departments;
  const departmentCount = departments.length;
  const departmentOf = (person: number) => (person < index.directorySize ? index.departmentOf[person] : -1);
  const people = index.count;
  // Bit 1: in the month before, bit 2: in the month.
  const gave = new Uint8Array(people);
  const received = new Uint8Array(people);
  const given = [0, 0];
  const crossDepartment = [0, 0];
  const pairs = [new Float64Array(receivers.length), new Float64Array(receivers.length)];
  const pairCount = [0, 0];
  const cellCounts = new Int32Array(departmentCount * departmentCount);
  // cell * people + giver, for the distinct givers behind each cell.
  const cellGivers = new Float64Array(receivers.length);
  let cellGiverCount = 0;
  // The kudos (i + 1) that last counted each receiving department: once per kudos and department.
  const countedFor = new Int32Array(departmentCount);
  const values = new Map<string, { count: number; people: Set<number> }>();

  for (let i = 0; i < from.length; i++) {
    const month = inMonth[i] === 1 ? 1 : 0;
    const bit = month + 1;
    const giver = from[i];
    const first = receiverStart[i];
    const end = receiverStart[i + 1];
    given[month]++;
    gave[giver] |= bit;
    for (let r = first; r < end; r++) {
      const receiver = receivers[r];
      received[receiver] |= bit;
      if (receiver !== giver) pairs[month][pairCount[month]++] = giver * PAIR + receiver;
    }
    const giverDepartment = departmentOf(giver);
    // Crosses departments: the giver's department is known and differs from every receiver's.
    if (giverDepartment >= 0 && end > first) {
      let crosses = true;
      for (let r = first; r < end && crosses; r++) crosses = departmentOf(receivers[r]) !== giverDepartment;
      if (crosses) crossDepartment[month]++;
    }
    if (month === 0) continue;

    const kudosValue = value[i];
    if (kudosValue) {
      let tally = values.get(kudosValue);
      if (!tally) values.set(kudosValue, (tally = { count: 0, people: new Set() }));
      tally.count++;
      tally.people.add(giver);
    }
    if (giverDepartment < 0) continue;
    for (let r = first; r < end; r++) {
      const receiverDepartment = departmentOf(receivers[r]);
      if (receiverDepartment < 0 || countedFor[receiverDepartment] === i + 1) continue;
      countedFor[receiverDepartment] = i + 1;
      const cell = giverDepartment * departmentCount + receiverDepartment;
      cellCounts[cell]++;
      cellGivers[cellGiverCount++] = cell * people + giver;
    }
  }

  const counted = (month: 0 | 1): KudosMonthTallies => {
    const bit = month + 1;
    let givers = 0;
    let receiverCount = 0;
    for (let person = 0; person < people; person++) {
      if (gave[person] & bit) givers++;
      if (received[person] & bit) receiverCount++;
    }
    const sorted = pairs[month].subarray(0, pairCount[month]).sort();
    return {
      given: given[month],
      givers,
      receivers: receiverCount,
      crossDepartment: crossDepartment[month],
      pairs: distinctSorted(sorted),
      reciprocatedPairs: reciprocatedSorted(sorted),
    };
  };
  const cells: KudosTallies['cells'] = [];
  const giverKeys = cellGivers.subarray(0, cellGiverCount).sort();
  const giversPerCell = new Int32Array(cellCounts.length);
  for (let i = 0; i < giverKeys.length; i++)
    if (i === 0 || giverKeys[i] !== giverKeys[i - 1]) giversPerCell[Math.floor(giverKeys[i] / people)]++;
  cellCounts.forEach((count, cell) => {
    if (count > 0)
      cells.push({
        giver: Math.floor(cell / departmentCount),
        receiver: cell % departmentCount,
        count,
        givers: giversPerCell[cell],
      });
  });
  return {
    current: counted(1),
    previous: counted(0),
    values: countedTallies(values),
    departments,
    cells,
  };
}

export function kudosFigures(tallies: KudosTallies): KudosFigures {
  const { departments, current, previous } = tallies;
  const cellCounts = departments.map(() => new Array<number>(departments.length).fill(0));
  const cellGivers = departments.map(() => new Array<number>(departments.length).fill(0));
  for (const cell of tallies.cells) {
    cellCounts[cell.giver][cell.receiver] = cell.count;
    cellGivers[cell.giver][cell.receiver] = cell.givers;
  }
  const matrix = protectMatrix(cellCounts, (giver, receiver) => cellGivers[giver][receiver]);
  const measured = (pick: (month: KudosMonthTallies) => Measured, withheld?: Withheld) =>
    figure(pick(current), pick(previous), withheld);
  return {
    kudosGiven: measured((m) => ({ value: m.given, people: m.givers })),
    kudosGivers: measured((m) => ({ value: m.givers, people: m.givers })),
    kudosReceivers: measured((m) => ({ value: m.receivers, people: m.receivers })),
    crossDepartmentShare: measured((m) => ({ value: share(m.crossDepartment, m.given), people: m.givers }), {
      current: matrix.withholdCrossShare,
    }),
    reciprocity: measured((m) => ({
      value: share(m.reciprocatedPairs, m.pairs),
      people: m.givers,
    })),
    topValues: topByPeople(tallies.values),
    departmentMatrix: {
      departments,
      counts: matrix.counts,
    },
  };
}

/** The protected matrix, and whether the cross-department share must be withheld with it. */
export interface ProtectedMatrix {
  counts: (number | null)[][];
  /**
   * The cross-department share times the kudos given is the sum of the cells off the diagonal (and so also
   * of those on it). When those two sums would give a withheld cell away, the share is withheld instead.
   */
  withholdCrossShare: boolean;
}

/**
 * The matrix with cells under 5 givers withheld, and enough others that none of them follows from a row,
 * a column or the whole (the kudos given), nor, while the cross-department share is shown, from the sums
 * within and across departments.
 */
export function protectMatrix(
  counts: readonly (readonly number[])[],
  giversIn: (giver: number, receiver: number) => number,
): ProtectedMatrix {
  const size = counts.length;
  const cells: Cell[] = [];
  for (let giver = 0; giver < size; giver++)
    for (let receiver = 0; receiver < size; receiver++)
      cells.push({ value: counts[giver][receiver], people: giversIn(giver, receiver) });
  const at = (giver: number, receiver: number) => giver * size + receiver;
  const range = Array.from({ length: size }, (_, index) => index);
  const table: Relation[] = [
    ...range.map((giver) =>
      sumRelation(
        undefined,
        range.map((receiver) => at(giver, receiver)),
      ),
    ),
    ...range.map((receiver) =>
      sumRelation(
        undefined,
        range.map((giver) => at(giver, receiver)),
      ),
    ),
    sumRelation(
      undefined,
      cells.map((_, index) => index),
    ),
  ];
  const acrossAndWithin: Relation[] = [
    sumRelation(
      undefined,
      range.map((department) => at(department, department)),
    ),
    sumRelation(
      undefined,
      range.flatMap((giver) =>
        range.filter((receiver) => receiver !== giver).map((receiver) => at(giver, receiver)),
      ),
    ),
  ];
  const shape = (hidden: boolean[]) =>
    range.map((giver) =>
      range.map((receiver) => (hidden[at(giver, receiver)] ? null : counts[giver][receiver])),
    );
  const withShare = suppress(cells, [...table, ...acrossAndWithin]);
  const small = cells.map((cell) => tooFewPeople(cell.people));
  const safe = !derivable(withShare, [...table, ...acrossAndWithin]).some((index) => small[index]);
  if (safe) return { counts: shape(withShare), withholdCrossShare: false };
  return { counts: shape(suppress(cells, table)), withholdCrossShare: true };
}
