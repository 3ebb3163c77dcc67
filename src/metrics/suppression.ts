/**
 * Complementary suppression. Withholding a figure on 1–4 people is not enough when the figures around it
 * add up: readers = visitors − contributors − creators gives a hidden reader count back. Each group of
 * figures is described as cells and the sums that hold between them; cells are withheld until no withheld
 * small cell can be worked out from what is shown, by any combination of those sums.
 */
import { tooFewPeople } from './figure.js';

export interface Cell {
  /** The count the cell stands for (a figure, a matrix cell, a funnel step). */
  value: number;
  /** How many distinct people are behind it. */
  people: number;
  /** False for a difference nobody is shown (the people who did not accept), which still must not be derivable. */
  published?: boolean;
}

/**
 * A sum that holds between cells and a total a reader may know: Σ coefficient × cell = constant. The
 * constant itself is not needed: what matters is which cells take part, and with which sign.
 */
export type Relation = readonly (readonly [cell: number, coefficient: number])[];

/** `total = part + part + …` as a relation. */
export function sumRelation(total: number | undefined, parts: readonly number[]): Relation {
  const terms: [number, number][] = parts.map((part) => [part, 1]);
  if (total !== undefined) terms.push([total, -1]);
  return terms;
}

/** Which cells to withhold: the small ones, and enough others that none of the small ones can be derived. */
export function suppress(cells: readonly Cell[], relations: readonly Relation[]): boolean[] {
  const sensitive = cells.map((cell) => tooFewPeople(cell.people));
  const hidden = cells.map((cell, index) => sensitive[index] || cell.published === false);
  for (;;) {
    const exposed = derivable(hidden, relations).filter((index) => sensitive[index]);
    if (exposed.length === 0) return hidden;
    const next = complement(exposed, cells, hidden, relations);
    // Nothing left to hide in the sums that expose it: hide everything they touch (never expected).
    if (next === undefined) {
      for (const index of exposed)
        for (const relation of relations) {
          if (relation.some(([cell]) => cell === index)) for (const [cell] of relation) hidden[cell] = true;
        }
      if (derivable(hidden, relations).some((index) => sensitive[index])) return cells.map(() => true);
      return hidden;
    }
    hidden[next] = true;
  }
}

/**
 * The shown cell to withhold next: from a sum that holds an exposed cell, the one with the fewest people
 * (the least information lost), preferring cells with something in them, since a withheld 0 protects little.
 */
function complement(
  exposed: readonly number[],
  cells: readonly Cell[],
  hidden: readonly boolean[],
  relations: readonly Relation[],
): number | undefined {
  let best: number | undefined;
  const rank = (index: number) => [
    cells[index].value === 0 ? 1 : 0,
    cells[index].people,
    cells[index].value,
    index,
  ];
  for (const relation of relations) {
    if (!relation.some(([cell]) => exposed.includes(cell))) continue;
    for (const [cell] of relation) {
      if (hidden[cell]) continue;
      if (best === undefined || compare(rank(cell), rank(best)) < 0) best = cell;
    }
  }
  return best;
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/**
 * The hidden cells whose value follows from the shown ones through the relations: the unknowns the linear
 * system fixes (a pivot whose reduced row has no free unknown). Coefficients are small integers and the
 * systems small, so elimination in floating point with partial pivoting is exact enough.
 */
export function derivable(hidden: readonly boolean[], relations: readonly Relation[]): number[] {
  const unknowns = hidden.flatMap((isHidden, index) => (isHidden ? [index] : []));
  if (unknowns.length === 0) return [];
  const column = new Map(unknowns.map((cell, position) => [cell, position]));
  const rows: number[][] = [];
  for (const relation of relations) {
    const row = new Array<number>(unknowns.length).fill(0);
    let any = false;
    for (const [cell, coefficient] of relation) {
      const position = column.get(cell);
      if (position === undefined) continue;
      row[position] += coefficient;
      any = true;
    }
    if (any) rows.push(row);
  }
  const fixed: number[] = [];
  for (const [row, pivotColumn] of reduce(rows, unknowns.length)) {
    const free = rows[row].some((value, position) => position !== pivotColumn && Math.abs(value) > EPSILON);
    if (!free) fixed.push(unknowns[pivotColumn]);
  }
  return fixed;
}

const EPSILON = 1e-9;

/** Reduced row echelon form in place; returns [row, pivot column] pairs. */
function reduce(rows: number[][], width: number): [number, number][] {
  const pivots: [number, number][] = [];
  let top = 0;
  for (let col = 0; col < width && top < rows.length; col++) {
    let found = -1;
    for (let index = top; index < rows.length; index++) {
      if (
        Math.abs(rows[index][col]) > EPSILON &&
        (found < 0 || Math.abs(rows[index][col]) > Math.abs(rows[found][col]))
      )
        found = index;
    }
    if (found < 0) continue;
    [rows[top], rows[found]] = [rows[found], rows[top]];
    const pivot = rows[top][col];
    for (let position = 0; position < width; position++) rows[top][position] /= pivot;
    for (let other = 0; other < rows.length; other++) {
      const factor = rows[other][col];
      if (other === top || Math.abs(factor) <= EPSILON) continue;
      for (let position = 0; position < width; position++)
        rows[other][position] -= factor * rows[top][position];
    }
    pivots.push([top, col]);
    top++;
  }
  return pivots;
}
