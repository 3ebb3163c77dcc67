import type { MetricFigure } from '../model.js';

/** Fewer distinct people than this behind a figure or a breakdown cell and it is withheld. */
export const MIN_PEOPLE = 5;

/** True when 1–4 people are behind a number: small enough to point at individuals. */
export function tooFewPeople(people: number): boolean {
  return people > 0 && people < MIN_PEOPLE;
}

/** One month's value and how many distinct people it rests on. */
export interface Measured {
  value: number | null;
  people: number;
}

/** Relative change (0.14 = +14%); null when either side is unknown or the previous value is 0. */
export function relativeChange(value: number | null, previous: number | null): number | null {
  if (value === null || previous === null || previous === 0) return null;
  return (value - previous) / previous;
}

/** Figures withheld although they rest on 5 or more people, because a small one could be worked out from them. */
export interface Withheld {
  current?: boolean;
  previous?: boolean;
}

/**
 * Builds a figure with the previous month and change, applying the fewer-than-5 rule to both months, and
 * withholding what complementary suppression (`suppression.ts`) chose.
 */
export function figure(current: Measured, previous: Measured, withheld: Withheld = {}): MetricFigure {
  const few = tooFewPeople(current.people);
  const complementary = !few && withheld.current === true;
  const value = few || complementary ? null : current.value;
  const previousValue = tooFewPeople(previous.people) || withheld.previous ? null : previous.value;
  const result: MetricFigure = {
    value,
    previous: previousValue,
    change: relativeChange(value, previousValue),
  };
  if (few || complementary) result.suppressed = true;
  if (complementary) result.complementary = true;
  return result;
}

/** A share, or null when there is nothing to divide by. */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}
