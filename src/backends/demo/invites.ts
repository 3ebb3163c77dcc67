/** Invitations: sending with validation and a monthly quota, links, tokens, responses, the invite tree. */
import { secureToken } from '../secure-token.js';
import type {
  Invite,
  InviteInput,
  InviteLink,
  InviteQuota,
  InviteStatus,
  InviteTokenInfo,
  InviteTreeNode,
  IsoDateTime,
  Page,
} from '../../model.js';
import type { InviteListQuery } from '../backend.js';
import { BackendError } from '../../errors.js';
import type { DemoContext } from './context.js';
import { compareCodePoints } from './text.js';
import { toPerson } from './people.js';
import { INVITE_VALID_DAYS, type InviteLinkRecord, type InviteRecord } from './seed.js';
import { DAY_MS } from '../../time.js';
// The rules live in src/invites as pure functions, shared with the elements and other backends.
import { validateInviteEmail } from '../../invites/email.js';
import { monthlyInviteQuota } from '../../invites/quota.js';
import { effectiveInviteStatus, inviteTokenState } from '../../invites/token.js';
import { buildInviteTree } from '../../invites/tree.js';

export const INVITE_LINK_VALID_DAYS = 30;
export const MAX_INVITE_MESSAGE_LENGTH = 500;
const DEFAULT_PAGE_SIZE = 20;
interface InviteUpdatePayload {
  id: string;
  patch: Partial<Pick<InviteRecord, 'status' | 'expiresAt' | 'respondedAt'>>;
}

interface JoinPayload {
  personId: string;
  invitedBy?: string;
  joinedAt: IsoDateTime;
}

export function isValidEmail(email: string): boolean {
  return validateInviteEmail(email).valid;
}

export function createInvitesModule(context: DemoContext) {
  const { store } = context;
  const addInvite = store.defineOp<InviteRecord>('invite.send', (record) => store.addInvite(record));
  const updateInvite = store.defineOp<InviteUpdatePayload>('invite.update', ({ id, patch }) =>
    store.updateInvite(id, patch),
  );
  const addLink = store.defineOp<InviteLinkRecord>('invite.link', (link) =>
    store.inviteLinks.set(link.token, link),
  );
  const join = store.defineOp<JoinPayload>('person.join', ({ personId, invitedBy, joinedAt }) =>
    store.updatePerson(personId, { isMember: true, invitedBy, joinedAt }),
  );

  const nowIso = () => store.nowIso();

  function statusOf(record: InviteRecord): InviteStatus {
    return effectiveInviteStatus(record, store.now());
  }

  function toInvite(record: InviteRecord): Invite {
    return {
      id: record.id,
      inviterId: record.inviterId,
      email: record.email,
      inviteeId: record.inviteeId,
      message: record.message,
      status: statusOf(record),
      createdAt: record.createdAt,
      expiresAt: record.expiresAt,
      respondedAt: record.respondedAt,
    };
  }

  /** Personal-link joins do not count against the quota: the member did not spend an invitation. */
  function quotaFor(inviterId: string): InviteQuota {
    const sent = store.invites.filter((invite) => !invite.viaLink);
    return monthlyInviteQuota(sent, inviterId, context.monthlyInviteQuota, store.now());
  }

  function ownInvite(inviteId: string): InviteRecord {
    const record = store.invitesById.get(inviteId);
    if (!record)
      throw new BackendError('not-found', 'This invitation does not exist.', { code: 'invite.unknown' });
    if (record.inviterId !== context.currentUserId) {
      throw new BackendError('forbidden', 'Only the person who sent an invitation can change it.', {
        code: 'invite.not-yours',
      });
    }
    return record;
  }

  function tokenInfo(token: string): InviteTokenInfo & { record?: InviteRecord; link?: InviteLinkRecord } {
    const record = store.invitesByToken.get(token);
    if (record) {
      const state = inviteTokenState(record, store.now());
      const inviter = store.people.get(record.inviterId);
      return {
        state,
        inviter: inviter && toPerson(store, inviter, context.currentUserId),
        invite: toInvite(record),
        record,
      };
    }
    const link = store.inviteLinks.get(token);
    if (link) {
      const state = link.revokedAt ? 'revoked' : link.expiresAt <= nowIso() ? 'expired' : 'valid';
      const inviter = store.people.get(link.inviterId);
      return { state, inviter: inviter && toPerson(store, inviter, context.currentUserId), link };
    }
    return { state: 'unknown' };
  }

  function publicInfo(info: ReturnType<typeof tokenInfo>): InviteTokenInfo {
    return { state: info.state, inviter: info.inviter, invite: info.invite };
  }

  function treeOf(personId: string): InviteTreeNode {
    return buildInviteTree([...store.people.values()], personId);
  }

  return {
    toInvite,

    sendInvite(input: InviteInput): Invite {
      const inviter = store.people.get(context.currentUserId);
      if (!inviter?.isMember)
        throw new BackendError('forbidden', 'Only members can invite colleagues.', {
          code: 'invite.not-member',
        });
      let email: string;
      let inviteeId: string | undefined;
      if (input.personId) {
        const person = store.findPerson(input.personId);
        if (!person)
          throw new BackendError('invalid', `There is no colleague "${input.personId}".`, {
            code: 'invite.unknown-person',
          });
        email = person.email.toLowerCase();
        inviteeId = person.id;
      } else {
        email = (input.email ?? '').trim().toLowerCase();
        if (!isValidEmail(email))
          throw new BackendError('invalid', `"${input.email ?? ''}" is not a valid e-mail address.`, {
            code: 'invite.email',
          });
        inviteeId = store.peopleByEmail.get(email)?.id;
      }
      const invitee = inviteeId ? store.people.get(inviteeId) : undefined;
      if (invitee?.id === inviter.id)
        throw new BackendError('invalid', 'You cannot invite yourself.', { code: 'invite.self' });
      if (invitee?.isMember)
        throw new BackendError('invalid', `${invitee.name} is already a member.`, {
          code: 'invite.already-member',
        });
      const message = input.message?.trim() || undefined;
      if (message && message.length > MAX_INVITE_MESSAGE_LENGTH) {
        throw new BackendError(
          'invalid',
          `The message can have at most ${MAX_INVITE_MESSAGE_LENGTH} characters.`,
          { code: 'invite.message' },
        );
      }
      const open = store.invites.find(
        (record) =>
          record.inviterId === inviter.id && record.email === email && statusOf(record) === 'pending',
      );
      if (open)
        throw new BackendError('conflict', `You already invited ${email}; resend that invitation instead.`, {
          code: 'invite.duplicate',
        });
      const quota = quotaFor(inviter.id);
      if (quota.remaining <= 0) {
        throw new BackendError('invalid', `You have used all ${quota.limit} invitations for this month.`, {
          code: 'invite.quota',
        });
      }
      const now = store.now();
      const record: InviteRecord = {
        id: store.newId('i'),
        inviterId: inviter.id,
        email,
        inviteeId,
        message,
        status: 'pending',
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + INVITE_VALID_DAYS * DAY_MS).toISOString(),
        token: secureToken(),
      };
      addInvite(record);
      return toInvite(record);
    },

    listInvites(query: InviteListQuery): Page<Invite> {
      const inviterId = query.inviterId ?? context.currentUserId;
      const limit = Math.max(1, Math.floor(query.limit ?? DEFAULT_PAGE_SIZE));
      const offset = query.cursor === undefined ? 0 : Number.parseInt(query.cursor, 10);
      if (!Number.isInteger(offset) || offset < 0)
        throw new BackendError('invalid', 'The invitation cursor is not valid.', { code: 'invite.cursor' });
      const mine = store.invites
        .filter((record) => record.inviterId === inviterId)
        .sort((a, b) => compareCodePoints(b.createdAt, a.createdAt) || compareCodePoints(b.id, a.id));
      const items = mine.slice(offset, offset + limit).map(toInvite);
      return {
        items,
        next: offset + limit < mine.length ? String(offset + limit) : undefined,
        total: mine.length,
      };
    },

    resendInvite(inviteId: string): Invite {
      const record = ownInvite(inviteId);
      const status = statusOf(record);
      if (status !== 'pending' && status !== 'expired') {
        throw new BackendError('invalid', `An invitation that is ${status} cannot be sent again.`, {
          code: 'invite.not-resendable',
        });
      }
      const expiresAt = new Date(store.now().getTime() + INVITE_VALID_DAYS * DAY_MS).toISOString();
      updateInvite({ id: record.id, patch: { status: 'pending', expiresAt } });
      return toInvite(store.invitesById.get(record.id)!);
    },

    revokeInvite(inviteId: string): Invite {
      const record = ownInvite(inviteId);
      const status = statusOf(record);
      if (status === 'revoked') return toInvite(record);
      if (status !== 'pending') {
        throw new BackendError('invalid', `An invitation that is ${status} cannot be revoked.`, {
          code: 'invite.not-revocable',
        });
      }
      updateInvite({ id: record.id, patch: { status: 'revoked' } });
      return toInvite(store.invitesById.get(record.id)!);
    },

    inviteQuota(): InviteQuota {
      return quotaFor(context.currentUserId);
    },

    createInviteLink(): InviteLink {
      const inviter = store.people.get(context.currentUserId);
      if (!inviter?.isMember)
        throw new BackendError('forbidden', 'Only members can invite colleagues.', {
          code: 'invite.not-member',
        });
      const now = store.now();
      const link: InviteLinkRecord = {
        token: secureToken(),
        inviterId: inviter.id,
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + INVITE_LINK_VALID_DAYS * DAY_MS).toISOString(),
      };
      addLink(link);
      return { token: link.token, url: context.inviteUrl(link.token), expiresAt: link.expiresAt };
    },

    lookupInvite(token: string): InviteTokenInfo {
      return publicInfo(tokenInfo(token));
    },

    /**
     * An e-mail invitation is answered on behalf of its addressee (in the demo one browser plays
     * both people); a personal link is answered by the current user.
     */
    respondToInvite(token: string, accept: boolean): InviteTokenInfo {
      const info = tokenInfo(token);
      if (info.state === 'unknown')
        throw new BackendError('not-found', 'This invitation does not exist.', { code: 'invite.unknown' });
      if (info.state !== 'valid') {
        throw new BackendError(
          'invalid',
          `This invitation is ${info.state === 'used' ? 'already used' : info.state}.`,
          { code: `invite.${info.state}` },
        );
      }
      const now = nowIso();
      if (info.record) {
        const record = info.record;
        updateInvite({
          id: record.id,
          patch: { status: accept ? 'accepted' : 'declined', respondedAt: now },
        });
        const invitee = record.inviteeId
          ? store.people.get(record.inviteeId)
          : store.peopleByEmail.get(record.email);
        if (accept && invitee && !invitee.isMember)
          join({ personId: invitee.id, invitedBy: record.inviterId, joinedAt: now });
        return publicInfo(tokenInfo(token));
      }
      const link = info.link!;
      const invitee = store.people.get(context.currentUserId);
      if (!invitee || invitee.id === link.inviterId || invitee.isMember) {
        throw new BackendError('invalid', 'You are already a member of the community.', {
          code: 'invite.already-member',
        });
      }
      const record: InviteRecord = {
        id: store.newId('i'),
        inviterId: link.inviterId,
        email: invitee.email.toLowerCase(),
        inviteeId: invitee.id,
        status: accept ? 'accepted' : 'declined',
        createdAt: now,
        expiresAt: link.expiresAt,
        respondedAt: now,
        token: secureToken(),
        viaLink: true,
      };
      addInvite(record);
      if (accept) join({ personId: invitee.id, invitedBy: link.inviterId, joinedAt: now });
      return { state: 'used', inviter: info.inviter, invite: toInvite(record) };
    },

    inviteTree(personId: string): InviteTreeNode {
      const person = store.findPerson(personId);
      if (!person)
        throw new BackendError('not-found', `There is no person "${personId}".`, { code: 'person.unknown' });
      return treeOf(person.id);
    },
  };
}
