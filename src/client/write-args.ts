import type { WriteRequest } from './writes.js';

/**
 * The same write as the argument list older versions stored. Stored next to `input` while pages of
 * an older version may still be open in other tabs: they read only `args`, and would otherwise drop
 * these entries when they store their own.
 */
export function argsOf(request: WriteRequest): unknown[] {
  switch (request.kind) {
    case 'endorseSkill':
    case 'unendorseSkill':
      return [request.input.personId, request.input.skill];
    case 'react':
      return [request.input.kudosId, request.input.reaction, request.input.on];
    case 'resendInvite':
    case 'revokeInvite':
      return [request.input.inviteId];
    case 'createInviteLink':
      return [];
    case 'respondToInvite':
      return [request.input.token, request.input.accept];
    case 'chooseAmbassadorRoles':
      return [request.input.roles];
    case 'revokeBadge':
      return [request.input.badgeId];
    case 'giveKudos':
    case 'sendInvite':
    case 'recordEvidence':
    case 'awardBadge':
      return [request.input];
  }
}
