/**
 * The ambassador programme as data: per role, the criteria and their thresholds for the
 * starter, active and champion levels. Change the numbers here; `computeRoleProgress` and the
 * elements follow. Documented in docs/ambassadors.md.
 */
import type { AmbassadorRole } from '../model.js';

export const AMBASSADOR_CRITERIA_KEYS = [
  'presentations',
  'articles',
  'reactions-and-endorsements',
  'departments-reached',
  'accepted-invitations',
] as const;
export type AmbassadorCriterionKey = (typeof AMBASSADOR_CRITERIA_KEYS)[number];

/** How a criterion is measured, which decides whether members can self-report it. */
export const CRITERION_SOURCES = ['evidence', 'activity'] as const;
export type CriterionSource = (typeof CRITERION_SOURCES)[number];

export interface CriterionDefinition {
  key: AmbassadorCriterionKey;
  /** Thresholds for starter, active, champion (ascending). */
  thresholds: readonly [number, number, number];
  /**
   * `evidence`: links recorded by the community manager or self-reported by the member;
   * `activity`: counted from recorded activity.
   */
  source: CriterionSource;
}

export const AMBASSADOR_CRITERIA: Readonly<Record<AmbassadorRole, readonly CriterionDefinition[]>> = {
  presenter: [{ key: 'presentations', thresholds: [1, 3, 8], source: 'evidence' }],
  writer: [{ key: 'articles', thresholds: [1, 5, 12], source: 'evidence' }],
  responder: [{ key: 'reactions-and-endorsements', thresholds: [20, 100, 300], source: 'activity' }],
  connector: [{ key: 'departments-reached', thresholds: [2, 4, 6], source: 'activity' }],
  recruiter: [{ key: 'accepted-invitations', thresholds: [3, 10, 25], source: 'activity' }],
};

/** Roles whose progress comes from evidence links (so the programme offers a "record evidence" form). */
export function acceptsEvidence(role: AmbassadorRole): boolean {
  return AMBASSADOR_CRITERIA[role].some((criterion) => criterion.source === 'evidence');
}

/** Recorded activity per criterion, the input of the progress function. Missing keys count as 0. */
export type AmbassadorActivity = Partial<Record<AmbassadorCriterionKey, number>>;
