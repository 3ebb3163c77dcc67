/**
 * Ambassador progress: the one pure function that turns recorded activity into levels.
 */
import {
  AMBASSADOR_LEVELS,
  AMBASSADOR_ROLES,
  type AmbassadorLevel,
  type AmbassadorRole,
  type RoleProgress,
} from '../model.js';
import { AMBASSADOR_CRITERIA, type AmbassadorActivity } from './criteria.js';

/**
 * Progress in each role. A level is reached when every criterion of the role meets that level's
 * threshold; the level is the highest one reached (undefined below starter). Each criterion's
 * `target` is the threshold of the next level, or of champion once champion is reached.
 */
export function computeRoleProgress(
  activity: AmbassadorActivity,
  roles: readonly AmbassadorRole[] = AMBASSADOR_ROLES,
): RoleProgress[] {
  return roles.map((role) => {
    const criteria = AMBASSADOR_CRITERIA[role];
    let levelIndex = -1;
    for (let index = 0; index < AMBASSADOR_LEVELS.length; index += 1) {
      const met = criteria.every(
        (criterion) => (activity[criterion.key] ?? 0) >= criterion.thresholds[index],
      );
      if (!met) break;
      levelIndex = index;
    }
    const targetIndex = Math.min(levelIndex + 1, AMBASSADOR_LEVELS.length - 1);
    return {
      role,
      level: levelIndex >= 0 ? AMBASSADOR_LEVELS[levelIndex] : undefined,
      criteria: criteria.map((criterion) => ({
        criterion: criterion.key,
        current: Math.max(0, activity[criterion.key] ?? 0),
        target: criterion.thresholds[targetIndex],
      })),
    };
  });
}

/** The level after `level` (starter when none), or undefined at champion. */
export function nextLevel(level: AmbassadorLevel | undefined): AmbassadorLevel | undefined {
  if (level === undefined) return AMBASSADOR_LEVELS[0];
  return AMBASSADOR_LEVELS[AMBASSADOR_LEVELS.indexOf(level) + 1];
}

/** What is still missing for the next level: criterion and how many more. Empty at champion. */
export function missingForNextLevel(progress: RoleProgress): { criterion: string; missing: number }[] {
  if (progress.level === 'champion') return [];
  return progress.criteria
    .filter((criterion) => criterion.current < criterion.target)
    .map((criterion) => ({ criterion: criterion.criterion, missing: criterion.target - criterion.current }));
}

/** Numeric rank of a level for comparisons: -1 for none, 0 starter … 2 champion. */
export function levelRank(level: AmbassadorLevel | undefined): number {
  return level === undefined ? -1 : AMBASSADOR_LEVELS.indexOf(level);
}
