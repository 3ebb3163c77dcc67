/**
 * Badge awards: which badges hold, and which a new level earns. Pure; backends persist the result.
 */
import { AMBASSADOR_LEVELS, type AmbassadorRole, type BadgeAward, type RoleProgress } from '../model.js';
import { levelRank } from './progress.js';

/** Awards that still hold (not revoked). */
export function activeAwards(awards: readonly BadgeAward[]): BadgeAward[] {
  return awards.filter((award) => award.revokedAt === undefined);
}

/** Per role the highest award that holds, in role order of first appearance. */
export function highestAwards(awards: readonly BadgeAward[], role?: AmbassadorRole): BadgeAward[] {
  const best = new Map<AmbassadorRole, BadgeAward>();
  for (const award of activeAwards(awards)) {
    if (role !== undefined && award.role !== role) continue;
    const current = best.get(award.role);
    if (!current || levelRank(award.level) > levelRank(current.level)) best.set(award.role, award);
  }
  return [...best.values()];
}

/**
 * The system awards a person earns from progress and does not hold yet: one per level reached
 * and not awarded (a revoked award is not re-earned automatically, so a manager's revoke sticks).
 */
export function earnedAwards(
  personId: string,
  progress: readonly RoleProgress[],
  existing: readonly BadgeAward[],
  now: Date,
  describeCriteria: (progress: RoleProgress, levelIndex: number) => string[],
): Omit<BadgeAward, 'id'>[] {
  const earned: Omit<BadgeAward, 'id'>[] = [];
  for (const roleProgress of progress) {
    const reached = levelRank(roleProgress.level);
    for (let index = 0; index <= reached; index += 1) {
      const level = AMBASSADOR_LEVELS[index];
      const already = existing.some(
        (award) => award.personId === personId && award.role === roleProgress.role && award.level === level,
      );
      if (already) continue;
      earned.push({
        personId,
        role: roleProgress.role,
        level,
        awardedAt: now.toISOString(),
        awardedBy: 'system',
        criteriaMet: describeCriteria(roleProgress, index),
        evidence: [],
      });
    }
  }
  return earned;
}

/** Returns the award marked revoked at `now` (idempotent: an earlier revoke date is kept). */
export function revokeAward(award: BadgeAward, now: Date): BadgeAward {
  return award.revokedAt ? award : { ...award, revokedAt: now.toISOString() };
}
