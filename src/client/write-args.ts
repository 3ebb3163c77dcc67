import type { WriteInputs, WriteKind, WriteRequest } from './writes.js';

/**
 * Each write's argument list on the client (and the backend), by input field: `null` when the one
 * argument is the input itself. The client's write methods are made from this table, and the outbox
 * stores the same list next to `input` (see `argsOf`).
 */
const ARGS: { [K in WriteKind]: string | null } = {
  endorseSkill: 'personId skill',
  unendorseSkill: 'personId skill',
  giveKudos: null,
  react: 'kudosId reaction on',
  sendInvite: null,
  resendInvite: 'inviteId',
  revokeInvite: 'inviteId',
  createInviteLink: '',
  respondToInvite: 'token accept',
  chooseAmbassadorRoles: 'roles',
  recordEvidence: null,
  awardBadge: null,
  revokeBadge: 'badgeId',
};

/** The write kinds, in the order of the table. */
export const WRITE_METHODS = Object.keys(ARGS) as WriteKind[];

const names = (kind: WriteKind): string[] | null =>
  ARGS[kind] === null ? null : (ARGS[kind].match(/\w+/g) ?? []);

/**
 * The same write as the argument list older versions stored. Stored next to `input` while pages of
 * an older version may still be open in other tabs: they read only `args`, and would otherwise drop
 * these entries when they store their own.
 */
export function argsOf({ kind, input }: WriteRequest): unknown[] {
  const fields = names(kind);
  return fields ? fields.map((field) => (input as Record<string, unknown>)[field]) : [input];
}

/** A write method's arguments as the write's input. */
export function inputOf<K extends WriteKind>(kind: K, args: readonly unknown[]): WriteInputs[K] {
  const fields = names(kind);
  return (
    fields ? Object.fromEntries(fields.map((field, index) => [field, args[index]])) : args[0]
  ) as WriteInputs[K];
}
