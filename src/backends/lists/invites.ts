import { secureToken } from '../secure-token.js';
import { sha256Hex } from '../../ambassadors/sha256.js';
import { DEFAULT_INVITE_QUOTA, monthlyInviteQuota } from '../../invites/quota.js';
import {
  addDays,
  inviteTokenState,
  INVITE_LINK_VALIDITY_DAYS,
  INVITE_VALIDITY_DAYS,
} from '../../invites/token.js';
import { buildInviteTree } from '../../invites/tree.js';
import type { Invite, InviteStatus, InviteTokenInfo } from '../../model.js';
import type { Backend, WriteOptions } from '../backend.js';
import { BackendError } from '../../errors.js';
import type { ListContext } from './context.js';

export type InviteLists = Pick<
  Backend,
  | 'sendInvite'
  | 'listInvites'
  | 'resendInvite'
  | 'revokeInvite'
  | 'inviteQuota'
  | 'createInviteLink'
  | 'lookupInvite'
  | 'respondToInvite'
  | 'inviteTree'
>;

/** Invitation tokens are kept only as a hash: whoever can read the list cannot use a link. */
const tokenHash = (token: string) => `sha256$${sha256Hex(token)}`;

/** A `Kring Invites` item as an invitation. */
export function inviteFromItem<Item>(ctx: ListContext<Item>, item: Item, creator?: string): Invite {
  const { lists, text } = ctx;
  return {
    id: lists.id(item),
    inviterId: ctx.authorOf(item, creator),
    email: text(item, 'Title') ?? '',
    inviteeId: text(item, 'KringInvitee'),
    message: text(item, 'KringMessage'),
    status: (text(item, 'KringStatus') as InviteStatus | undefined) ?? 'pending',
    createdAt: lists.created(item) ?? ctx.nowIso(),
    expiresAt: text(item, 'KringExpires') ?? ctx.nowIso(),
    respondedAt: text(item, 'KringResponded'),
  };
}

/** Invitations and invitation links in the `Kring Invites` list; accepting one adds a `Kring Members` item. */
export function createInviteLists<Item>(ctx: ListContext<Item>): InviteLists {
  const { lists, titles, meId, getPeople, now, text } = ctx;

  async function findInviteByToken(token: string, signal?: AbortSignal) {
    if (!token) return undefined;
    const find = async (stored: string) =>
      (await lists.page(titles.invites, { equals: { KringToken: stored }, top: 1 }, signal)).items[0];
    // Links made before tokens were hashed still hold the token itself.
    return (await find(tokenHash(token))) ?? (await find(token));
  }

  async function tokenInfo(item: Item | undefined, signal?: AbortSignal): Promise<InviteTokenInfo> {
    const invite = item ? inviteFromItem(ctx, item) : undefined;
    const state = inviteTokenState(invite, new Date(now()));
    if (!invite) return { state };
    const [inviter] = await getPeople([invite.inviterId], { signal });
    return { state, invite, inviter: inviter ?? undefined };
  }

  function requireOwnInvite(item: Item, myId: string): void {
    if (ctx.authorOf(item) !== myId) {
      throw new BackendError('forbidden', 'Only the person who sent an invitation can change it.');
    }
  }

  /** Changes an invitation its sender owns; anyone else is refused. */
  async function updateOwnInvite(
    inviteId: string,
    write: WriteOptions,
    change: (item: Item) => Record<string, unknown> | undefined,
  ): Promise<Invite> {
    const myId = await meId(write.signal);
    const item = await ctx.updateItem(
      titles.invites,
      inviteId,
      (current) => {
        requireOwnInvite(current, myId);
        return change(current);
      },
      write.signal,
    );
    return inviteFromItem(ctx, item);
  }

  const inviteQuota: Backend['inviteQuota'] = async (call) => {
    const myId = await meId(call?.signal);
    const monthStart = new Date(now());
    const since = new Date(Date.UTC(monthStart.getUTCFullYear(), monthStart.getUTCMonth(), 1)).toISOString();
    const items = await lists.all(
      titles.invites,
      {
        equals: { KringInviter: myId },
        createdSince: since,
        select: ['Id', 'Created', 'KringInviter', 'Title', 'KringStatus', 'KringExpires'],
      },
      call?.signal,
    );
    return monthlyInviteQuota(
      items.map((item) => inviteFromItem(ctx, item)).filter((invite) => invite.inviterId === myId),
      myId,
      ctx.inviteQuota ?? DEFAULT_INVITE_QUOTA,
      new Date(now()),
    );
  };

  return {
    async sendInvite(input, write) {
      const myId = await meId(write.signal);
      const earlier = await lists.findByKey(titles.invites, write.idempotencyKey, write.signal);
      if (earlier) return inviteFromItem(ctx, earlier, myId);
      let email = input.email?.trim();
      if (!email && input.personId) email = (await getPeople([input.personId], write))[0]?.email;
      if (!email || !/^[^@\s]+@[^@\s]+$/.test(email)) {
        throw new BackendError('invalid', 'Enter a valid e-mail address.', { code: 'invite.email' });
      }
      const quota = await inviteQuota(write);
      if (quota.remaining <= 0) {
        throw new BackendError('invalid', 'You have used all your invitations for this month.', {
          code: 'invite.quota',
        });
      }
      const item = await lists.create(
        titles.invites,
        {
          Title: email,
          KringInviter: myId,
          KringInvitee: input.personId ?? '',
          KringMessage: input.message ?? '',
          KringStatus: 'pending',
          KringExpires: addDays(new Date(now()), INVITE_VALIDITY_DAYS),
          KringToken: tokenHash(secureToken()),
        },
        write.idempotencyKey,
        write.signal,
      );
      return inviteFromItem(ctx, item, myId);
    },

    async listInvites(query, call) {
      const inviter = query.inviterId ?? (await meId(call?.signal));
      const page = query.cursor
        ? await lists.pageAt(query.cursor, call?.signal)
        : await lists.page(
            titles.invites,
            { equals: { KringInviter: inviter }, newestFirst: true, top: query.limit ?? 20 },
            call?.signal,
          );
      const items = page.items
        .map((item) => inviteFromItem(ctx, item))
        .filter((invite) => invite.inviterId === inviter);
      return { items, next: page.next };
    },

    resendInvite(inviteId, write) {
      return updateOwnInvite(inviteId, write, (current) => {
        const status = text(current, 'KringStatus');
        if (status !== 'pending' && status !== 'expired') {
          throw new BackendError('invalid', 'Only open invitations can be sent again.');
        }
        return { KringStatus: 'pending', KringExpires: addDays(new Date(now()), INVITE_VALIDITY_DAYS) };
      });
    },

    revokeInvite(inviteId, write) {
      return updateOwnInvite(inviteId, write, (current) =>
        text(current, 'KringStatus') === 'revoked' ? undefined : { KringStatus: 'revoked' },
      );
    },

    inviteQuota,

    async createInviteLink(write) {
      const myId = await meId(write.signal);
      const token = secureToken();
      const item = await lists.create(
        titles.invites,
        {
          Title: '',
          KringInviter: myId,
          KringStatus: 'pending',
          KringExpires: addDays(new Date(now()), INVITE_LINK_VALIDITY_DAYS),
          KringToken: tokenHash(token),
        },
        write.idempotencyKey,
        write.signal,
      );
      // A retried write finds the first item, whose token only the first answer carried: a fresh link then.
      if (text(item, 'KringToken') !== tokenHash(token)) {
        throw new BackendError('conflict', 'The invitation link was already made; make a new one.', {
          code: 'invites.link-retried',
        });
      }
      return { token, url: ctx.inviteUrl(token), expiresAt: text(item, 'KringExpires') ?? '' };
    },

    async lookupInvite(token, call) {
      return tokenInfo(await findInviteByToken(token, call?.signal), call?.signal);
    },

    async respondToInvite(token, accept, write) {
      const myId = await meId(write.signal);
      const found = await findInviteByToken(token, write.signal);
      if (!found) return { state: 'unknown' };
      const before = await tokenInfo(found, write.signal);
      const alreadyMine = text(found, 'KringInvitee') === myId && text(found, 'KringStatus') !== 'pending';
      if (before.state !== 'valid' && !alreadyMine) return before;
      const updated = await ctx.updateItem(
        titles.invites,
        lists.id(found),
        (current) =>
          text(current, 'KringStatus') === 'pending'
            ? {
                KringStatus: accept ? 'accepted' : 'declined',
                KringResponded: ctx.nowIso(),
                KringInvitee: myId,
              }
            : undefined,
        write.signal,
      );
      if (text(updated, 'KringStatus') === 'accepted') {
        const existing = await lists.page(
          titles.members,
          { equals: { KringPerson: myId }, top: 1 },
          write.signal,
        );
        if (existing.items.length === 0) {
          await lists.create(
            titles.members,
            {
              Title: myId,
              KringPerson: myId,
              KringJoined: ctx.nowIso(),
              KringInvitedBy: text(updated, 'KringInviter') ?? '',
            },
            `${write.idempotencyKey}:member`,
            write.signal,
          );
        }
      }
      return tokenInfo(updated, write.signal);
    },

    async inviteTree(personId, call) {
      return buildInviteTree(await ctx.memberRecords(call?.signal), personId);
    },
  };
}
