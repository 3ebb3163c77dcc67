import type { MetricFigure } from '../model.js';
import { LEVEL_CONTRIBUTE, LEVEL_CREATE, LEVEL_READ, type MonthActivity } from './activity-scan.js';
import { figure, share, type Measured } from './figure.js';
import type { PeopleIndex } from './people-index.js';
import { sumRelation, suppress } from './suppression.js';

export interface ParticipationCounts {
  visitors: number;
  readers: number;
  contributors: number;
  creators: number;
  /** Sum over the month's days of that day's distinct active people. */
  personDays: number;
}

export interface ParticipationFigures {
  visitors: MetricFigure;
  readers: MetricFigure;
  contributors: MetricFigure;
  creators: MetricFigure;
  stickiness: MetricFigure;
  managementParticipation: MetricFigure;
}

/** The 90-9-1 rule of thumb the pyramid is compared with: readers, contributors, creators. */
export const NINETY_NINE_ONE = { readers: 0.9, contributors: 0.09, creators: 0.01 } as const;

function bitCount(bits: number): number {
  let value = bits - ((bits >>> 1) & 0x55555555);
  value = (value & 0x33333333) + ((value >>> 2) & 0x33333333);
  return (((value + (value >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

export function countParticipation(activity: MonthActivity): ParticipationCounts {
  const counts: ParticipationCounts = {
    visitors: 0,
    readers: 0,
    contributors: 0,
    creators: 0,
    personDays: 0,
  };
  const { level, activeDays } = activity;
  for (let person = 0; person < level.length; person++) {
    const reached = level[person];
    if (!reached) continue;
    counts.visitors++;
    if (reached === LEVEL_READ) counts.readers++;
    else if (reached === LEVEL_CONTRIBUTE) counts.contributors++;
    else if (reached === LEVEL_CREATE) counts.creators++;
    counts.personDays += bitCount(activeDays[person]);
  }
  return counts;
}

/** One month's participation counted: the pyramid, the person-days, and how management took part. */
export interface MonthParticipation extends ParticipationCounts {
  /** People in management (in the directory). */
  managementTeam: number;
  /** Of them, how many were active in the month. */
  managementActive: number;
}

export function monthParticipation(activity: MonthActivity, index: PeopleIndex): MonthParticipation {
  let managementTeam = 0;
  let managementActive = 0;
  for (let person = 0; person < index.directorySize; person++) {
    if (!index.isManagement[person]) continue;
    managementTeam++;
    if (activity.level[person]) managementActive++;
  }
  return { ...countParticipation(activity), managementTeam, managementActive };
}

/** The team is who the share is about: a team of 1–4 would point at individuals. */
function managementActive(month: MonthParticipation): Measured {
  return { value: share(month.managementActive, month.managementTeam), people: month.managementTeam };
}

const PYRAMID = ['visitors', 'readers', 'contributors', 'creators'] as const;
type PyramidKey = (typeof PYRAMID)[number];

/** Visitors = readers + contributors + creators: which of the four to withhold so no small one can be derived. */
export function pyramidWithheld(counts: ParticipationCounts): Record<PyramidKey, boolean> {
  const hidden = suppress(
    PYRAMID.map((key) => ({ value: counts[key], people: counts[key] })),
    [sumRelation(0, [1, 2, 3])],
  );
  return Object.fromEntries(PYRAMID.map((key, index) => [key, hidden[index]])) as Record<PyramidKey, boolean>;
}

export function participationFigures(
  now: MonthParticipation,
  before: MonthParticipation,
  daysInCurrent: number,
  daysInPrevious: number,
): ParticipationFigures {
  const withheldNow = pyramidWithheld(now);
  const withheldBefore = pyramidWithheld(before);
  const level = (key: PyramidKey) =>
    figure(count(now[key], now[key]), count(before[key], before[key]), {
      current: withheldNow[key],
      previous: withheldBefore[key],
    });
  const count = (value: number, people: number): Measured => ({ value, people });
  const stickiness = (counts: ParticipationCounts, days: number): Measured => ({
    value: share(counts.personDays / days, counts.visitors),
    people: counts.visitors,
  });
  return {
    visitors: level('visitors'),
    readers: level('readers'),
    contributors: level('contributors'),
    creators: level('creators'),
    stickiness: figure(stickiness(now, daysInCurrent), stickiness(before, daysInPrevious)),
    managementParticipation: figure(managementActive(now), managementActive(before)),
  };
}
