import type { OutboxEntry } from './types.js';

/**
 * Writes that touch the same thing must reach the server in the order they were made:
 * "react on" then "react off" delivered the other way round leaves the wrong state.
 * Entries with the same key are sent one after another; others go in parallel.
 */
export function writeOrderKey(entry: OutboxEntry): string | undefined {
  const [first, second] = entry.args;
  switch (entry.kind) {
    case 'react':
      return `react:${String(first)}:${String(second)}`;
    case 'endorseSkill':
    case 'unendorseSkill':
      return `endorse:${String(first)}:${String(second)}`;
    case 'resendInvite':
    case 'revokeInvite':
      return `invite:${String(first)}`;
    case 'chooseAmbassadorRoles':
      return 'ambassador-roles';
    default:
      return undefined;
  }
}
