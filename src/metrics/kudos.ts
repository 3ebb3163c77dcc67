import type { FacetCount, Kudos, MetricFigure } from '../model.js';
import { MIN_PEOPLE, figure, share, tooFewPeople, type Measured, type Withheld } from './figure.js';
import type { PeopleIndex } from './people-index.js';
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

interface MonthKudos {
  given: number;
  givers: Set<string>;
  receivers: Set<string>;
  crossDepartment: number;
  /** Directed giver → receiver pairs, `giver\u0000receiver`. */
  pairs: Set<string>;
}

const TOP = 10;

function emptyMonth(): MonthKudos {
  return { given: 0, givers: new Set(), receivers: new Set(), crossDepartment: 0, pairs: new Set() };
}

/** A kudos crosses departments when the giver's department is known and differs from every receiver's. */
export function crossesDepartments(kudos: Kudos, index: PeopleIndex): boolean {
  const giverDepartment = index.departmentOfId(kudos.from);
  if (giverDepartment < 0 || kudos.to.length === 0) return false;
  return kudos.to.every((receiver) => index.departmentOfId(receiver) !== giverDepartment);
}

function reciprocated(pairs: Set<string>): number {
  let count = 0;
  for (const pair of pairs) {
    const [giver, receiver] = pair.split('\u0000');
    if (pairs.has(`${receiver}\u0000${giver}`)) count++;
  }
  return count;
}

/** Top entries by count, keeping only those that rest on at least 5 distinct people. */
export function topByPeople(tallies: Map<string, { count: number; people: Set<unknown> }>): FacetCount[] {
  return [...tallies]
    .filter(([, tally]) => tally.people.size >= MIN_PEOPLE)
    .map(([value, tally]) => ({ value, count: tally.count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
    .slice(0, TOP);
}

export function kudosFigures(
  kudosList: readonly Kudos[],
  month: MonthIndex,
  index: PeopleIndex,
): KudosFigures {
  const current = emptyMonth();
  const previous = emptyMonth();
  const departments = index.departments;
  const cellCounts = departments.map(() => new Array<number>(departments.length).fill(0));
  // Created on first use: most department pairs never exchange kudos.
  const cellGivers = new Map<number, Set<string>>();
  const values = new Map<string, { count: number; people: Set<string> }>();

  for (const kudos of kudosList) {
    const kudosMonth = monthAndDayOf(kudos.createdAt) >> 5;
    const target = kudosMonth === month ? current : kudosMonth === month - 1 ? previous : undefined;
    if (!target) continue;
    target.given++;
    target.givers.add(kudos.from);
    for (const receiver of kudos.to) {
      target.receivers.add(receiver);
      if (receiver !== kudos.from) target.pairs.add(`${kudos.from}\u0000${receiver}`);
    }
    if (crossesDepartments(kudos, index)) target.crossDepartment++;
    if (target !== current) continue;

    if (kudos.value) {
      let tally = values.get(kudos.value);
      if (!tally) values.set(kudos.value, (tally = { count: 0, people: new Set() }));
      tally.count++;
      tally.people.add(kudos.from);
    }
    const giverDepartment = index.departmentOfId(kudos.from);
    if (giverDepartment < 0) continue;
    // One kudos counts once per receiving department, however many receivers sit there.
    const receivingDepartments = new Set(kudos.to.map((receiver) => index.departmentOfId(receiver)));
    for (const receiverDepartment of receivingDepartments) {
      if (receiverDepartment < 0) continue;
      cellCounts[giverDepartment][receiverDepartment]++;
      const cell = giverDepartment * departments.length + receiverDepartment;
      let givers = cellGivers.get(cell);
      if (!givers) cellGivers.set(cell, (givers = new Set()));
      givers.add(kudos.from);
    }
  }

  const matrix = protectMatrix(
    cellCounts,
    (giver, receiver) => cellGivers.get(giver * departments.length + receiver)?.size ?? 0,
  );
  const measured = (pick: (month: MonthKudos) => Measured, withheld?: Withheld) =>
    figure(pick(current), pick(previous), withheld);
  return {
    kudosGiven: measured((m) => ({ value: m.given, people: m.givers.size })),
    kudosGivers: measured((m) => ({ value: m.givers.size, people: m.givers.size })),
    kudosReceivers: measured((m) => ({ value: m.receivers.size, people: m.receivers.size })),
    crossDepartmentShare: measured(
      (m) => ({ value: share(m.crossDepartment, m.given), people: m.givers.size }),
      { current: matrix.withholdCrossShare },
    ),
    reciprocity: measured((m) => ({
      value: share(reciprocated(m.pairs), m.pairs.size),
      people: m.givers.size,
    })),
    topValues: topByPeople(values),
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
