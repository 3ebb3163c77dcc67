import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { computeMetrics } from '../src/metrics/index.js';
import { pyramidWithheld } from '../src/metrics/participation.js';
import { protectMatrix } from '../src/metrics/kudos.js';
import { protectFunnel } from '../src/metrics/invites.js';
import { protectWeeks } from '../src/metrics/growth.js';
import type { ActivityEvent, Person } from '../src/model.js';

/**
 * The attacker: a reader who knows every shown figure and every total that holds between them, and adds and
 * subtracts whole sums (each used once, either way round, or not at all). Whenever such a combination leaves
 * exactly one withheld figure, that figure is worked out. Independent of the elimination in `suppression.ts`.
 */
interface Known {
  values: number[];
  hidden: boolean[];
  people: number[];
  /** Each sum: the cells in it, with their sign. */
  sums: [number, number][][];
}

function workedOut({ hidden, people, sums }: Known): number[] {
  const found = new Set<number>();
  const combination = new Array<number>(sums.length).fill(0);
  const visit = (index: number): void => {
    if (index === sums.length) {
      const weights = new Map<number, number>();
      combination.forEach((sign, sum) => {
        if (sign)
          for (const [cell, coefficient] of sums[sum])
            weights.set(cell, (weights.get(cell) ?? 0) + sign * coefficient);
      });
      const unknown = [...weights].filter(([cell, weight]) => weight !== 0 && hidden[cell]);
      if (unknown.length === 1) found.add(unknown[0][0]);
      return;
    }
    for (const sign of [0, 1, -1]) {
      combination[index] = sign;
      visit(index + 1);
    }
  };
  visit(0);
  return [...found].filter((cell) => people[cell] > 0 && people[cell] < 5);
}

function expectSafe(known: Known): void {
  known.people.forEach((count, cell) => {
    if (count > 0 && count < 5)
      expect(known.hidden[cell], `cell ${cell} on ${count} people is withheld`).to.equal(true);
  });
  expect(workedOut(known), 'small figures worked out from the shown ones').to.deep.equal([]);
}

const small = fc.integer({ min: 0, max: 12 });
const runs = { numRuns: 300 };

describe('complementary suppression: no withheld figure can be worked out', () => {
  it('the probe: 13 visitors, 5 contributors, 5 creators do not give away 3 readers', () => {
    const people: Person[] = [];
    const events: ActivityEvent[] = [];
    const at = '2026-10-03T10:00:00.000Z';
    const add = (prefix: string, count: number, type: ActivityEvent['type']) => {
      for (let n = 1; n <= count; n++) {
        people.push({
          id: `${prefix}${n}`,
          name: `${prefix}${n}`,
          skills: [],
          isManagement: false,
          links: [],
        });
        events.push({ actorId: `${prefix}${n}`, type, at });
      }
    };
    add('r', 3, 'element-seen');
    add('c', 5, 'reaction');
    add('k', 5, 'kudos-given');
    const metrics = computeMetrics({ people, events, kudos: [], invites: [] }, '2026-10');
    expect(metrics.readers.value).to.equal(null);
    const shown = [metrics.visitors, metrics.contributors, metrics.creators].filter(
      (figure) => figure.value !== null,
    );
    expect(shown.length, 'at most two of visitors, contributors, creators shown').to.be.at.most(2);
  });

  it('participation: visitors = readers + contributors + creators, this month and the last', () => {
    fc.assert(
      fc.property(small, small, small, (readers, contributors, creators) => {
        const counts = {
          visitors: readers + contributors + creators,
          readers,
          contributors,
          creators,
          personDays: 0,
        };
        const withheld = pyramidWithheld(counts);
        const values = [counts.visitors, readers, contributors, creators];
        expectSafe({
          values,
          people: values,
          hidden: [withheld.visitors, withheld.readers, withheld.contributors, withheld.creators],
          sums: [
            [
              [0, 1],
              [1, -1],
              [2, -1],
              [3, -1],
            ],
          ],
        });
      }),
      runs,
    );
  });

  it('the department matrix: rows, columns, within and across departments, and the whole', () => {
    const matrix = fc.integer({ min: 2, max: 3 }).chain((size) =>
      fc.array(
        fc.array(fc.tuple(small, fc.integer({ min: 0, max: 8 })), { minLength: size, maxLength: size }),
        {
          minLength: size,
          maxLength: size,
        },
      ),
    );
    fc.assert(
      fc.property(matrix, (grid) => {
        const size = grid.length;
        // A cell's count is at least its number of givers.
        const counts = grid.map((row) => row.map(([extra, givers]) => givers + (givers ? extra : 0)));
        const givers = grid.map((row) => row.map(([, count]) => count));
        const { counts: shown, withholdCrossShare } = protectMatrix(
          counts,
          (giver, receiver) => givers[giver][receiver],
        );
        const at = (giver: number, receiver: number) => giver * size + receiver;
        const range = [...Array(size).keys()];
        const cells = range.flatMap((giver) => range.map((receiver) => at(giver, receiver)));
        const plus = (list: number[]): [number, number][] => list.map((cell) => [cell, 1]);
        expectSafe({
          values: counts.flat(),
          people: givers.flat(),
          hidden: shown.flat().map((value) => value === null),
          sums: [
            ...range.map((giver) => plus(range.map((receiver) => at(giver, receiver)))),
            ...range.map((receiver) => plus(range.map((giver) => at(giver, receiver)))),
            plus(cells),
            // The cross-department share, while shown, tells the sums across and within departments.
            ...(withholdCrossShare
              ? []
              : [
                  plus(range.map((department) => at(department, department))),
                  plus(cells.filter((cell) => Math.floor(cell / size) !== cell % size)),
                ]),
          ],
        });
      }),
      { numRuns: 150 },
    );
  });

  it('the invitation funnel, including the steps nobody is shown (not accepted, not active)', () => {
    fc.assert(
      fc.property(
        small,
        small,
        small,
        fc.integer({ min: 1, max: 12 }),
        (active, idle, declined, inviters) => {
          const accepted = active + idle;
          const sent = accepted + declined;
          const funnel = protectFunnel(sent, sent ? Math.min(inviters, sent) : 0, accepted, active);
          expectSafe({
            values: [sent, accepted, active, declined, idle],
            people: [sent ? Math.min(inviters, sent) : 0, accepted, active, declined, idle],
            hidden: [
              funnel.sent === null,
              funnel.accepted === null,
              funnel.activeWithin30Days === null,
              true,
              true,
            ],
            sums: [
              [
                [0, 1],
                [1, -1],
                [3, -1],
              ],
              [
                [1, 1],
                [2, -1],
                [4, -1],
              ],
            ],
          });
        },
      ),
      runs,
    );
  });

  it('new members per week: the month total, the invited and the not invited', () => {
    const weeks = fc.array(fc.tuple(small, small), { minLength: 4, maxLength: 5 });
    fc.assert(
      fc.property(weeks, (pairs) => {
        const input = pairs.map(([invited, uninvited], week) => ({
          weekStart: `2026-10-0${week + 1}`,
          count: invited + uninvited,
          invited,
        }));
        const shown = protectWeeks(input);
        const values: number[] = [];
        const hidden: boolean[] = [];
        const sums: [number, number][][] = [];
        input.forEach((week, index) => {
          values.push(week.count, week.invited, week.count - week.invited);
          hidden.push(shown[index].count === null, shown[index].invited === null, true);
          sums.push([
            [index * 3, 1],
            [index * 3 + 1, -1],
            [index * 3 + 2, -1],
          ]);
        });
        for (const offset of [0, 1, 2])
          sums.push(input.map((_, index) => [index * 3 + offset, 1] as [number, number]));
        expectSafe({ values, people: values, hidden, sums });
      }),
      { numRuns: 200 },
    );
  });
});
