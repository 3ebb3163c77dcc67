/** The ambassador programme: chosen roles, progress from recorded data, evidence, badges. */
import {
  AMBASSADOR_LEVELS,
  AMBASSADOR_ROLES,
  type AmbassadorLevel,
  type AmbassadorProfile,
  type AmbassadorRole,
  type BadgeAward,
  type BadgeAwardInput,
  type EvidenceInput,
  type RoleProgress,
} from '../../model.js';
// Criteria and thresholds are data in src/ambassadors/criteria.ts; progress is its one pure function.
import { computeRoleProgress } from '../../ambassadors/progress.js';
import type { AmbassadorActivity } from '../../ambassadors/criteria.js';
import { criterionAmount } from '../../ambassadors/labels.js';
import { BackendError } from '../../errors.js';
import type { DemoContext } from './context.js';
import { compareCodePoints } from './text.js';
import type { AmbassadorChoice, EvidenceRecord } from './seed.js';

interface RevokePayload {
  id: string;
  revokedAt: string;
}

export function createAmbassadorsModule(context: DemoContext) {
  const { store } = context;
  const setRoles = store.defineOp<AmbassadorChoice>('ambassador.roles', (choice) =>
    store.ambassadorRoles.set(choice.personId, choice),
  );
  const addEvidence = store.defineOp<EvidenceRecord>('ambassador.evidence', (record) =>
    store.evidence.push(record),
  );
  const addBadge = store.defineOp<BadgeAward>('badge.award', (badge) => store.addBadge(badge));
  const revoke = store.defineOp<RevokePayload>('badge.revoke', ({ id, revokedAt }) =>
    store.updateBadge(id, { revokedAt }),
  );

  const canManageBadges = () => context.currentUserId === store.data.communityManagerId;

  function requirePerson(personId: string) {
    const person = store.findPerson(personId);
    if (!person)
      throw new BackendError('not-found', `There is no person "${personId}".`, { code: 'person.unknown' });
    return person;
  }

  function requireRole(role: AmbassadorRole): void {
    if (!AMBASSADOR_ROLES.includes(role))
      throw new BackendError('invalid', `Unknown ambassador role "${role}".`, { code: 'ambassador.role' });
  }

  /** What the criteria count, from the recorded data. */
  function countsFor(personId: string): AmbassadorActivity {
    const person = store.people.get(personId)!;
    const departments = new Set<string>();
    const reach = (id: string) => {
      const department = store.people.get(id)?.department;
      if (department && department !== person.department) departments.add(department);
    };
    for (const item of store.kudos) if (item.from === personId) item.to.forEach(reach);
    const endorsements = store.endorsementsBy(personId);
    for (const endorsement of endorsements) reach(endorsement.personId);
    let accepted = 0;
    for (const invite of store.invites)
      if (invite.inviterId === personId && invite.status === 'accepted') accepted++;
    let presentations = 0;
    let articles = 0;
    for (const piece of store.evidence) {
      if (piece.personId !== personId) continue;
      if (piece.role === 'presenter') presentations++;
      if (piece.role === 'writer') articles++;
    }
    return {
      presentations,
      articles,
      'reactions-and-endorsements': store.reactionCountBy(personId) + endorsements.length,
      'departments-reached': departments.size,
      'accepted-invitations': accepted,
    };
  }

  /** "7 accepted invitations": what was counted at award time (English; elements localise the level's criteria). */
  function describe(progress: RoleProgress): string[] {
    // In the demo company's language, as the seeded awards are ("4 artikelen"): the backend says so
    // (`contentLanguage`), and the badge marks the criteria with it.
    return progress.criteria.map(({ criterion, current }) => criterionAmount('nl', criterion, current));
  }

  /** Awards the level a chosen role reached, once; a revoked badge is not awarded again. */
  function syncEarnedBadges(personId: string, progress: RoleProgress[]): void {
    const roles = store.ambassadorRoles.get(personId)?.roles ?? [];
    for (const role of roles) {
      const current = progress.find((item) => item.role === role);
      if (!current?.level) continue;
      const rank = AMBASSADOR_LEVELS.indexOf(current.level);
      const known = store.badges.some(
        (badge) =>
          badge.personId === personId &&
          badge.role === role &&
          AMBASSADOR_LEVELS.indexOf(badge.level) >= rank,
      );
      if (known) continue;
      const id = `sys-${personId}-${role}-${current.level}`;
      if (store.badgesById.has(id)) continue;
      addBadge({
        id,
        personId,
        role,
        level: current.level,
        awardedAt: store.nowIso(),
        awardedBy: 'system',
        criteriaMet: describe(current),
        evidence: store.evidence
          .filter((piece) => piece.personId === personId && piece.role === role)
          .map((piece) => ({ url: piece.url, description: piece.description })),
      });
    }
  }

  function badgesOf(personId: string): BadgeAward[] {
    return store.badges
      .filter((badge) => badge.personId === personId && !badge.revokedAt)
      .map((badge) => structuredClone(badge))
      .sort((a, b) => compareCodePoints(a.awardedAt, b.awardedAt) || compareCodePoints(a.id, b.id));
  }

  function profile(personId: string): AmbassadorProfile {
    const person = requirePerson(personId);
    const counts = countsFor(person.id);
    const progress = computeRoleProgress(counts);
    syncEarnedBadges(person.id, progress);
    return {
      personId: person.id,
      roles: [...(store.ambassadorRoles.get(person.id)?.roles ?? [])],
      progress,
      badges: badgesOf(person.id),
    };
  }

  function requireManager(): void {
    if (!canManageBadges()) {
      throw new BackendError('forbidden', 'Only the community manager can award or revoke badges.', {
        code: 'badge.forbidden',
      });
    }
  }

  return {
    canManageBadges,

    ambassadorProfile(personId: string): AmbassadorProfile {
      return profile(personId);
    },

    chooseAmbassadorRoles(roles: readonly AmbassadorRole[]): AmbassadorProfile {
      roles.forEach(requireRole);
      const person = requirePerson(context.currentUserId);
      if (!person.isMember)
        throw new BackendError('forbidden', 'Only members can become ambassadors.', {
          code: 'ambassador.not-member',
        });
      const chosen = AMBASSADOR_ROLES.filter((role) => roles.includes(role));
      setRoles({ personId: person.id, roles: chosen, chosenAt: store.nowIso() });
      return profile(person.id);
    },

    recordEvidence(input: EvidenceInput): AmbassadorProfile {
      const person = requirePerson(input.personId);
      requireRole(input.role);
      if (person.id !== context.currentUserId && !canManageBadges()) {
        throw new BackendError('forbidden', 'You can only record evidence for yourself.', {
          code: 'evidence.forbidden',
        });
      }
      let url: URL;
      try {
        url = new URL(input.url);
      } catch {
        throw new BackendError('invalid', 'The evidence needs a valid web address.', {
          code: 'evidence.url',
        });
      }
      if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new BackendError('invalid', 'The evidence needs an http or https address.', {
          code: 'evidence.url',
        });
      }
      addEvidence({
        personId: person.id,
        role: input.role,
        url: url.href,
        description: input.description?.trim() || undefined,
        recordedAt: store.nowIso(),
        recordedBy: context.currentUserId,
      });
      return profile(person.id);
    },

    listBadges(personId: string): BadgeAward[] {
      return profile(personId).badges;
    },

    awardBadge(input: BadgeAwardInput): BadgeAward {
      requireManager();
      const person = requirePerson(input.personId);
      requireRole(input.role);
      if (!AMBASSADOR_LEVELS.includes(input.level as AmbassadorLevel)) {
        throw new BackendError('invalid', `Unknown level "${input.level}".`, { code: 'badge.level' });
      }
      const [progress] = computeRoleProgress(countsFor(person.id), [input.role]);
      const badge: BadgeAward = {
        id: store.newId('b'),
        personId: person.id,
        role: input.role,
        level: input.level,
        awardedAt: store.nowIso(),
        awardedBy: context.currentUserId,
        criteriaMet: describe(progress),
        evidence: (input.evidence ?? []).map((link) => ({ url: link.url, description: link.description })),
      };
      addBadge(badge);
      return structuredClone(badge);
    },

    revokeBadge(badgeId: string): BadgeAward {
      requireManager();
      const badge = store.badgesById.get(badgeId);
      if (!badge)
        throw new BackendError('not-found', 'This badge does not exist.', { code: 'badge.unknown' });
      if (!badge.revokedAt) revoke({ id: badge.id, revokedAt: store.nowIso() });
      return structuredClone(store.badgesById.get(badgeId)!);
    },
  };
}
