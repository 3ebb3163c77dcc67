import type { LiveEvent } from '../backends/backend.js';
import type {
  ActivityEvent,
  AmbassadorProfile,
  BadgeAward,
  Invite,
  InviteTokenInfo,
  Kudos,
  Skill,
} from '../model.js';
import type { PeopleCache } from './people-cache.js';
import type { ReadCache } from './read-cache.js';
import type { ClientChange } from './types.js';
import type { WriteKind, WriteRequest } from './writes.js';

/** What a confirmed write changes: cached reads to drop, people to refresh, news for subscribers. */
export interface WriteEffects {
  /** Read methods whose cached answers may now be wrong. */
  invalidate: string[];
  /** People whose cached record is out of date (e.g. kudos received); kept for rendering, revalidated. */
  stalePeople: string[];
  /** A skill to patch into the cached person at once. */
  skill?: { personId: string; skill: Skill };
  changes: ClientChange[];
}

/** What effects change: the client's caches, and its subscribers (`emit`). */
export interface EffectTarget {
  cache: ReadCache;
  peopleCache: PeopleCache;
  emit: (change: ClientChange) => void;
}

/** Applies a delivered write's or a pushed event's effects. */
export function applyEffects({ cache, peopleCache, emit }: EffectTarget, effects: WriteEffects): void {
  const methods = effects.invalidate.map((method) => `${method}:`);
  cache.invalidate((key) => methods.some((prefix) => key.startsWith(prefix)));
  for (const id of effects.stalePeople) peopleCache.markStale(id);
  if (effects.skill) patchSkill(peopleCache, effects.skill.personId, effects.skill.skill);
  for (const change of effects.changes) emit(change);
}

/** An endorsement was confirmed: the cached person shows the skill's new count at once. */
function patchSkill(peopleCache: PeopleCache, personId: string, skill: Skill): void {
  const cached = peopleCache.peekPerson(personId);
  if (!cached) return;
  const skills = cached.skills.some((own) => own.name === skill.name)
    ? cached.skills.map((own) => (own.name === skill.name ? skill : own))
    : [...cached.skills, skill];
  peopleCache.store(personId, { ...cached, skills }, false);
}

/** The activity a confirmed write stands for (actor and time are filled in by the client). */
export type WriteActivity = Pick<ActivityEvent, 'type' | 'subject'>;

/**
 * Activity is recorded here, when the backend confirms the write, and not by the element that
 * started it: a write delivered from the outbox after a reload counts too, and once.
 */
export function writeActivity(write: WriteRequest): WriteActivity | undefined {
  switch (write.kind) {
    case 'giveKudos':
      return { type: 'kudos-given', subject: write.input.value };
    case 'react':
      return write.input.on ? { type: 'reaction', subject: write.input.reaction } : undefined;
    case 'endorseSkill':
      return { type: 'endorsement', subject: write.input.skill };
    case 'sendInvite':
      return { type: 'invite-sent' };
    case 'respondToInvite':
      return write.input.accept ? { type: 'invite-accepted' } : undefined;
    case 'chooseAmbassadorRoles':
      return { type: 'ambassador-role-chosen', subject: write.input.roles.join(',') };
    default:
      return undefined;
  }
}

const INVITE_READS = ['listInvites', 'inviteQuota', 'inviteTree', 'lookupInvite', 'metrics'];
const AMBASSADOR_READS = ['ambassadorProfile', 'listBadges', 'pioneers'];
/** An endorsement moves search ranking, the pioneers and the endorser's ambassador progress. */
const ENDORSEMENT_READS = ['searchPeople', 'pioneers', 'ambassadorProfile'];

/** A confirmed write, or for a change the backend pushed only its kind: endorsements alone need their input. */
export type EffectSource = WriteRequest | { kind: Exclude<WriteKind, 'endorseSkill' | 'unendorseSkill'> };

export function writeEffects(write: EffectSource, result: unknown): WriteEffects {
  switch (write.kind) {
    case 'endorseSkill':
    case 'unendorseSkill': {
      const { personId } = write.input;
      return {
        invalidate: ENDORSEMENT_READS,
        stalePeople: [],
        skill: { personId, skill: result as Skill },
        changes: [{ topic: 'people', ids: [personId] }],
      };
    }
    case 'giveKudos': {
      const kudos = result as Kudos;
      return {
        invalidate: ['listKudos', 'metrics', 'pioneers', ...AMBASSADOR_READS],
        stalePeople: kudos.to,
        changes: [
          { topic: 'kudos', ids: [kudos.id], kudos },
          { topic: 'people', ids: kudos.to },
        ],
      };
    }
    case 'react': {
      const kudos = result as Kudos;
      return {
        invalidate: ['listKudos', 'listReactors'],
        stalePeople: [],
        changes: [{ topic: 'kudos', ids: [kudos.id], kudos }],
      };
    }
    case 'sendInvite':
    case 'resendInvite':
    case 'revokeInvite':
      return {
        invalidate: INVITE_READS,
        stalePeople: [],
        changes: [{ topic: 'invites', ids: [(result as Invite).id] }],
      };
    case 'createInviteLink':
      return { invalidate: INVITE_READS, stalePeople: [], changes: [{ topic: 'invites' }] };
    case 'respondToInvite': {
      const invite = (result as InviteTokenInfo).invite;
      // An accepted invitation moves the inviter's recruiter progress and may earn a badge.
      return {
        invalidate: [...INVITE_READS, ...AMBASSADOR_READS, 'currentUser'],
        stalePeople: invite?.inviteeId ? [invite.inviteeId] : [],
        changes: [
          { topic: 'invites', ids: invite ? [invite.id] : undefined },
          { topic: 'ambassadors', ids: invite ? [invite.inviterId] : undefined },
        ],
      };
    }
    case 'chooseAmbassadorRoles':
    case 'recordEvidence':
    case 'awardBadge':
    case 'revokeBadge':
      // A profile or a badge: either names the person whose programme changed.
      return {
        invalidate: AMBASSADOR_READS,
        stalePeople: [],
        changes: [{ topic: 'ambassadors', ids: [(result as AmbassadorProfile | BadgeAward).personId] }],
      };
  }
}

/**
 * What a change pushed by the backend (`streamEvents`) changes: the same as the write it stands for,
 * or undefined for an event this client does not know.
 */
export function liveEffects(event: LiveEvent): WriteEffects | undefined {
  const data = (event.data ?? {}) as Record<string, unknown>;
  switch (event.type) {
    case 'kudos':
      return data.kudos ? writeEffects({ kind: 'giveKudos' }, data.kudos) : undefined;
    case 'reaction':
      return data.kudos ? writeEffects({ kind: 'react' }, data.kudos) : undefined;
    case 'endorsement': {
      const personId = String(data.personId ?? '');
      if (!personId) return undefined;
      // The skill's count and "endorsed by me" are the reader's: the person is read again.
      return {
        invalidate: ENDORSEMENT_READS,
        stalePeople: [personId],
        changes: [{ topic: 'people', ids: [personId] }],
      };
    }
    case 'badge':
      return data.badge ? writeEffects({ kind: 'awardBadge' }, data.badge) : undefined;
    case 'invite':
      return data.invite ? writeEffects({ kind: 'respondToInvite' }, { invite: data.invite }) : undefined;
    default:
      return undefined;
  }
}
