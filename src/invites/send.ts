/**
 * The rules for sending an invitation, in the order they are checked: one implementation for every
 * backend that enforces them (the demo backend in the browser, Kring Server), so both refuse the same
 * requests with the same code and sentence. The caller looks up the facts (who the invitee is, whether
 * an invitation to the address is open, the inviter's quota); these functions only decide.
 */
import { isDomainAllowed, validateInviteEmail } from './email.js';

export const MAX_INVITE_MESSAGE_LENGTH = 500;

/** Why an invitation is refused: the error kind (403 forbidden, 422 invalid, 409 conflict), code and sentence. */
export interface InviteRefusal {
  kind: 'forbidden' | 'invalid' | 'conflict';
  code: string;
  message: string;
}

export const isInviteRefusal = (value: unknown): value is InviteRefusal =>
  typeof value === 'object' && value !== null && 'code' in value && 'kind' in value;

export const NOT_A_MEMBER: InviteRefusal = {
  kind: 'forbidden',
  code: 'invite.not-member',
  message: 'Only members can invite colleagues.',
};

export const unknownInvitee = (personId: string): InviteRefusal => ({
  kind: 'invalid',
  code: 'invite.unknown-person',
  message: `There is no colleague "${personId}".`,
});

/**
 * The address an invitation goes to (trimmed, lower case): a typed one must be a valid address, and with
 * allowed domains both a typed one and a chosen colleague's must be in one of them.
 */
export function inviteAddress(
  address: string,
  allowedDomains: readonly string[] = [],
  typed = true,
): { email: string } | InviteRefusal {
  const outsideDomains: InviteRefusal = {
    kind: 'invalid',
    code: 'invite.domain',
    message: `Invitations can only go to ${allowedDomains.join(', ')} addresses.`,
  };
  if (!typed) {
    // A colleague's own address is taken as the directory has it; only its domain is checked.
    const email = address.trim().toLowerCase();
    return isDomainAllowed(email.slice(email.lastIndexOf('@') + 1), allowedDomains)
      ? { email }
      : outsideDomains;
  }
  const checked = validateInviteEmail(address, allowedDomains);
  if (checked.valid) return { email: checked.email };
  if (checked.problem === 'domain') return outsideDomains;
  return { kind: 'invalid', code: 'invite.email', message: `"${address}" is not a valid e-mail address.` };
}

export interface InviteFacts {
  inviterId: string;
  /** The person the address belongs to, when the directory knows them. */
  invitee?: { id: string; name: string; isMember: boolean };
  /** The message as typed. */
  message?: string;
  email: string;
  /** Whether the inviter has an invitation to this address still pending. */
  pendingToSameAddress: boolean;
  quota: { remaining: number; limit: number };
}

/** The message as it is stored: trimmed, absent when empty. */
export const inviteMessage = (message: string | undefined): string | undefined =>
  message?.trim() || undefined;

/** The rules after the address: not yourself, not a member already, the message's length, no second open invitation, the monthly quota. */
export function inviteRefusal(facts: InviteFacts): InviteRefusal | undefined {
  const { invitee } = facts;
  if (invitee?.id === facts.inviterId)
    return { kind: 'invalid', code: 'invite.self', message: 'You cannot invite yourself.' };
  if (invitee?.isMember)
    return {
      kind: 'invalid',
      code: 'invite.already-member',
      message: `${invitee.name} is already a member.`,
    };
  const message = inviteMessage(facts.message);
  if (message && message.length > MAX_INVITE_MESSAGE_LENGTH)
    return {
      kind: 'invalid',
      code: 'invite.message',
      message: `The message can have at most ${MAX_INVITE_MESSAGE_LENGTH} characters.`,
    };
  if (facts.pendingToSameAddress)
    return {
      kind: 'conflict',
      code: 'invite.duplicate',
      message: `You already invited ${facts.email}; resend that invitation instead.`,
    };
  // Invalid, not throttled: a used-up quota only resets next month, so retrying would not help.
  if (facts.quota.remaining <= 0)
    return {
      kind: 'invalid',
      code: 'invite.quota',
      message: `You have used all ${facts.quota.limit} invitations for this month.`,
    };
  return undefined;
}
