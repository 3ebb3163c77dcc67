import type { OutboxEntry } from './types.js';

/**
 * Writes that touch the same thing must reach the server in the order they were made:
 * "react on" then "react off" delivered the other way round leaves the wrong state.
 * Entries with the same key are sent one after another; others go in parallel.
 */
export function writeOrderKey(entry: OutboxEntry): string | undefined {
  switch (entry.kind) {
    case 'react':
      return `react:${entry.input.kudosId}:${entry.input.reaction}`;
    case 'endorseSkill':
    case 'unendorseSkill':
      return `endorse:${entry.input.personId}:${entry.input.skill}`;
    case 'resendInvite':
    case 'revokeInvite':
      return `invite:${entry.input.inviteId}`;
    case 'chooseAmbassadorRoles':
      return 'ambassador-roles';
    default:
      return undefined;
  }
}
