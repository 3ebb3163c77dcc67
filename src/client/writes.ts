import type { Backend, WriteOptions } from '../backends/backend.js';
import type {
  AmbassadorProfile,
  AmbassadorRole,
  BadgeAward,
  BadgeAwardInput,
  EvidenceInput,
  Invite,
  InviteInput,
  InviteLink,
  InviteTokenInfo,
  Kudos,
  KudosInput,
  ReactionType,
  Skill,
} from '../model.js';

/** What each write takes: one JSON-serialisable value, stored in the outbox as it is. */
export interface WriteInputs {
  endorseSkill: { personId: string; skill: string };
  unendorseSkill: { personId: string; skill: string };
  giveKudos: KudosInput;
  react: { kudosId: string; reaction: ReactionType; on: boolean };
  sendInvite: InviteInput;
  resendInvite: { inviteId: string };
  revokeInvite: { inviteId: string };
  createInviteLink: Record<string, never>;
  respondToInvite: { token: string; accept: boolean };
  chooseAmbassadorRoles: { roles: AmbassadorRole[] };
  recordEvidence: EvidenceInput;
  awardBadge: BadgeAwardInput;
  revokeBadge: { badgeId: string };
}

/** What the backend answers each write with. */
export interface WriteResults {
  endorseSkill: Skill;
  unendorseSkill: Skill;
  giveKudos: Kudos;
  react: Kudos;
  sendInvite: Invite;
  resendInvite: Invite;
  revokeInvite: Invite;
  createInviteLink: InviteLink;
  respondToInvite: InviteTokenInfo;
  chooseAmbassadorRoles: AmbassadorProfile;
  recordEvidence: AmbassadorProfile;
  awardBadge: BadgeAward;
  revokeBadge: BadgeAward;
}

/** The write operations that go through the outbox. */
export type WriteKind = keyof WriteInputs;

/** One write: its kind and its typed input. A union, so `kind` narrows `input`. */
export type WriteRequest<K extends WriteKind = WriteKind> = {
  [Kind in K]: { kind: Kind; input: WriteInputs[Kind] };
}[K];

type Senders = {
  [K in WriteKind]: (
    backend: Backend,
    input: WriteInputs[K],
    options: WriteOptions,
  ) => Promise<WriteResults[K]>;
};

/** How each write reaches the adapter. Typed: a renamed backend method or a changed input fails to compile. */
const SENDERS: Senders = {
  endorseSkill: (backend, { personId, skill }, options) => backend.endorseSkill(personId, skill, options),
  unendorseSkill: (backend, { personId, skill }, options) => backend.unendorseSkill(personId, skill, options),
  giveKudos: (backend, input, options) => backend.giveKudos(input, options),
  react: (backend, { kudosId, reaction, on }, options) => backend.react(kudosId, reaction, on, options),
  sendInvite: (backend, input, options) => backend.sendInvite(input, options),
  resendInvite: (backend, { inviteId }, options) => backend.resendInvite(inviteId, options),
  revokeInvite: (backend, { inviteId }, options) => backend.revokeInvite(inviteId, options),
  createInviteLink: (backend, _input, options) => backend.createInviteLink(options),
  respondToInvite: (backend, { token, accept }, options) => backend.respondToInvite(token, accept, options),
  chooseAmbassadorRoles: (backend, { roles }, options) => backend.chooseAmbassadorRoles(roles, options),
  recordEvidence: (backend, input, options) => backend.recordEvidence(input, options),
  awardBadge: (backend, input, options) => backend.awardBadge(input, options),
  revokeBadge: (backend, { badgeId }, options) => backend.revokeBadge(badgeId, options),
};

export const WRITE_KINDS = Object.keys(SENDERS) as readonly WriteKind[];

export function isWriteKind(value: unknown): value is WriteKind {
  return typeof value === 'string' && Object.hasOwn(SENDERS, value);
}

/** Sends one write to the adapter. */
export function sendWrite<K extends WriteKind>(
  backend: Backend,
  request: WriteRequest<K>,
  options: WriteOptions,
): Promise<WriteResults[K]> {
  // One cast where the union meets the table: TypeScript cannot correlate `kind` and `input` here.
  const send = SENDERS[request.kind] as (
    backend: Backend,
    input: WriteInputs[K],
    options: WriteOptions,
  ) => Promise<WriteResults[K]>;
  return send(backend, request.input, options);
}

/**
 * Outboxes stored before writes were typed hold the backend method's argument list (`args`). Users have
 * such entries in localStorage; they are read as the same write. Undefined when the list does not fit.
 */
export function inputFromArgs(kind: WriteKind, args: readonly unknown[]): WriteRequest | undefined {
  const [first, second, third] = args;
  const text = (value: unknown): value is string => typeof value === 'string';
  const object = (value: unknown): value is object => typeof value === 'object' && value !== null;
  switch (kind) {
    case 'endorseSkill':
    case 'unendorseSkill':
      return text(first) && text(second) ? { kind, input: { personId: first, skill: second } } : undefined;
    case 'react':
      return text(first) && text(second) && typeof third === 'boolean'
        ? { kind, input: { kudosId: first, reaction: second as ReactionType, on: third } }
        : undefined;
    case 'resendInvite':
    case 'revokeInvite':
      return text(first) ? { kind, input: { inviteId: first } } : undefined;
    case 'createInviteLink':
      return { kind, input: {} };
    case 'respondToInvite':
      return text(first) && typeof second === 'boolean'
        ? { kind, input: { token: first, accept: second } }
        : undefined;
    case 'chooseAmbassadorRoles':
      return Array.isArray(first) ? { kind, input: { roles: first as AmbassadorRole[] } } : undefined;
    case 'revokeBadge':
      return text(first) ? { kind, input: { badgeId: first } } : undefined;
    case 'giveKudos':
      return object(first) ? { kind, input: first as KudosInput } : undefined;
    case 'sendInvite':
      return object(first) ? { kind, input: first as InviteInput } : undefined;
    case 'recordEvidence':
      return object(first) ? { kind, input: first as EvidenceInput } : undefined;
    case 'awardBadge':
      return object(first) ? { kind, input: first as BadgeAwardInput } : undefined;
  }
}
