/**
 * Invitations: allowed domains (`src/invites/email.ts`), the monthly quota (`src/invites/quota.ts`),
 * token states (`src/invites/token.ts`) and the invite tree (`src/invites/tree.ts`). The inviter's row
 * is locked while sending, so concurrent sends cannot exceed the quota.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type {
  Invite,
  InviteInput,
  InviteLink,
  InviteQuota,
  InviteStatus,
  InviteTokenInfo,
  InviteTreeNode,
  Page,
} from '../../../src/model.js';
import {
  inviteAddress,
  inviteMessage,
  inviteRefusal,
  isInviteRefusal,
  NOT_A_MEMBER,
  unknownInvitee,
  type InviteRefusal,
} from '../../../src/invites/send.js';
import { monthlyInviteQuota } from '../../../src/invites/quota.js';
import {
  effectiveInviteStatus,
  INVITE_LINK_VALIDITY_DAYS,
  INVITE_VALIDITY_DAYS,
  inviteTokenState,
} from '../../../src/invites/token.js';
import { buildInviteTree } from '../../../src/invites/tree.js';
import { ApiError, forbidden, invalid, notFound } from '../errors.js';
import { compact, iso, type Domain, type Tx, type User } from './context.js';
import { personRow, requirePerson, toPerson } from './people.js';
import { DAY_MS } from '../../../src/time.js';

export { MAX_INVITE_MESSAGE_LENGTH } from '../../../src/invites/send.js';

const refused = (refusal: InviteRefusal) => new ApiError(STATUS[refusal.kind], refusal.code, refusal.message);
const STATUS = { forbidden: 403, invalid: 422, conflict: 409 } as const;

interface InviteRow {
  id: string;
  inviter_id: string;
  email: string;
  invitee_id: string | null;
  message: string | null;
  status: InviteStatus;
  created_at: Date;
  expires_at: Date;
  responded_at: Date | null;
  token: string;
  via_link: boolean;
  delivery_status: 'queued' | 'sending' | 'sent' | 'failed' | null;
  delivery_error: string | null;
  delivered_at: Date | null;
}

const INVITE_COLUMNS =
  'id, inviter_id, email, invitee_id, message, status, created_at, expires_at, responded_at, token, via_link, delivery_status, delivery_error, delivered_at';

const secureToken = () => randomBytes(16).toString('hex');

export function createInvites(domain: Domain) {
  const { config } = domain;

  function toInvite(row: InviteRow): Invite {
    const invite = compact<Invite>({
      id: row.id,
      inviterId: row.inviter_id,
      email: row.email,
      inviteeId: row.invitee_id ?? undefined,
      message: row.message ?? undefined,
      status: row.status,
      createdAt: row.created_at.toISOString(),
      expiresAt: row.expires_at.toISOString(),
      respondedAt: iso(row.responded_at),
      // The e-mail (src/mail): only when the server sends invitations itself.
      delivery: row.delivery_status
        ? compact({
            status: row.delivery_status === 'sending' ? 'queued' : row.delivery_status,
            at: iso(row.delivered_at),
            error: row.delivery_error ?? undefined,
          })
        : undefined,
    });
    invite.status = effectiveInviteStatus(invite, domain.now());
    return invite;
  }

  async function quotaFor(tx: Tx, inviterId: string): Promise<InviteQuota> {
    const now = domain.now();
    const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
    // Personal-link joins do not count: the member did not spend an invitation.
    const rows = await tx.query<{ created_at: Date }>(
      'SELECT created_at FROM invites WHERE inviter_id = $1 AND NOT via_link AND created_at >= $2',
      [inviterId, monthStart],
    );
    const invites = rows.map((row) => ({ inviterId, createdAt: row.created_at.toISOString() }) as Invite);
    return monthlyInviteQuota(invites, inviterId, config.inviteQuota, now);
  }

  /** The domains this inviter may invite to ([] = any); without an own address, `'own'` allows none. */
  function allowedDomains(inviter: { email: string | null }): readonly string[] {
    const setting = config.inviteDomains;
    if (setting === 'any') return [];
    if (setting !== 'own') return setting;
    const own = inviter.email
      ?.slice(inviter.email.lastIndexOf('@') + 1)
      .trim()
      .toLowerCase();
    if (!own)
      throw refused({
        kind: 'invalid',
        code: 'invite.domain',
        message:
          'Invitations go to addresses at your own mail domain, and your profile has no e-mail address.',
      });
    return [own];
  }

  async function requireMember(tx: Tx, user: User) {
    const inviter = await personRow(tx, user.id);
    if (!inviter?.is_member) throw refused(NOT_A_MEMBER);
    return inviter;
  }

  async function ownInvite(tx: Tx, inviteId: string, user: User): Promise<InviteRow> {
    const [row] = await tx.query<InviteRow>(
      `SELECT ${INVITE_COLUMNS} FROM invites WHERE id = $1 FOR UPDATE`,
      [inviteId],
    );
    if (!row) throw notFound('invite.unknown', 'This invitation does not exist.');
    if (row.inviter_id !== user.id)
      throw forbidden('invite.not-yours', 'Only the person who sent an invitation can change it.');
    return row;
  }

  async function tokenInfo(tx: Tx, token: string, viewerId: string) {
    const [row] = await tx.query<InviteRow>(`SELECT ${INVITE_COLUMNS} FROM invites WHERE token = $1`, [
      token,
    ]);
    if (row) {
      const invite = toInvite(row);
      const inviter = await personRow(tx, row.inviter_id);
      return {
        state: inviteTokenState(invite, domain.now()),
        inviter: inviter && (await toPerson(tx, inviter, viewerId)),
        invite,
        row,
      };
    }
    const [link] = await tx.query<{
      token: string;
      inviter_id: string;
      expires_at: Date;
      revoked_at: Date | null;
    }>('SELECT token, inviter_id, expires_at, revoked_at FROM invite_links WHERE token = $1', [token]);
    if (link) {
      const state: InviteTokenInfo['state'] = link.revoked_at
        ? 'revoked'
        : link.expires_at <= domain.now()
          ? 'expired'
          : 'valid';
      const inviter = await personRow(tx, link.inviter_id);
      return { state, inviter: inviter && (await toPerson(tx, inviter, viewerId)), link };
    }
    return { state: 'unknown' as const };
  }

  const publicInfo = (info: Awaited<ReturnType<typeof tokenInfo>>): InviteTokenInfo =>
    compact({ state: info.state, inviter: info.inviter, invite: 'invite' in info ? info.invite : undefined });

  async function join(tx: Tx, personId: string, invitedBy: string, at: Date) {
    await tx.query(
      'UPDATE people SET is_member = true, invited_by = COALESCE(invited_by, $2), joined_at = COALESCE(joined_at, $3), updated_at = now() WHERE id = $1',
      [personId, invitedBy, at],
    );
    domain.touched();
  }

  return {
    toInvite,

    async sendInvite(tx: Tx, input: InviteInput, user: User): Promise<Invite> {
      await tx.query('SELECT id FROM people WHERE id = $1 FOR UPDATE', [user.id]);
      const inviter = await requireMember(tx, user);
      let address: { email: string } | InviteRefusal;
      if (input.personId) {
        const person = await personRow(tx, input.personId);
        if (!person) throw refused(unknownInvitee(input.personId));
        if (!person.email) throw invalid('invite.email', `${person.name} has no e-mail address.`);
        address = inviteAddress(person.email, allowedDomains(inviter), false);
      } else address = inviteAddress(input.email ?? '', allowedDomains(inviter));
      if (isInviteRefusal(address)) throw refused(address);
      const { email } = address;
      const invitee = await personRow(tx, input.personId ?? email);
      const open = await tx.query<InviteRow>(
        `SELECT ${INVITE_COLUMNS} FROM invites WHERE inviter_id = $1 AND email = $2 AND status = 'pending' AND expires_at > $3`,
        [inviter.id, email, domain.now()],
      );
      // The rules of src/invites/send.ts, as the demo backend applies them. `invite.quota` is the code
      // <kring-invite> explains (src/elements/invite/invite.ts).
      const refusal = inviteRefusal({
        inviterId: inviter.id,
        invitee: invitee && { id: invitee.id, name: invitee.name, isMember: invitee.is_member },
        message: input.message,
        email,
        pendingToSameAddress: open.length > 0,
        quota: await quotaFor(tx, inviter.id),
      });
      if (refusal) throw refused(refusal);
      const message = inviteMessage(input.message);
      const inviteeId = invitee?.id;
      const now = domain.now();
      const [row] = await tx.query<InviteRow>(
        `INSERT INTO invites (id, inviter_id, email, invitee_id, message, status, created_at, expires_at, token)
         VALUES ($1, $2, $3, $4, $5, 'pending', $6, $7, $8) RETURNING ${INVITE_COLUMNS}`,
        [
          `i-${randomUUID()}`,
          inviter.id,
          email,
          inviteeId ?? null,
          message ?? null,
          now,
          new Date(now.getTime() + INVITE_VALIDITY_DAYS * DAY_MS),
          secureToken(),
        ],
      );
      return toInvite(row);
    },

    async listInvites(
      tx: Tx,
      query: { inviterId?: string; limit?: number; cursor?: string },
      user: User,
    ): Promise<Page<Invite>> {
      const inviterId = query.inviterId ?? user.id;
      const limit = query.limit ?? 20;
      const offset = query.cursor === undefined ? 0 : Number(query.cursor);
      if (!Number.isSafeInteger(offset) || offset < 0)
        throw invalid('invite.cursor', 'The invitation cursor is not valid.');
      const rows = await tx.query<InviteRow>(
        `SELECT ${INVITE_COLUMNS} FROM invites WHERE inviter_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3`,
        [inviterId, limit + 1, offset],
      );
      const [{ total }] = await tx.query<{ total: number }>(
        'SELECT count(*)::int AS total FROM invites WHERE inviter_id = $1',
        [inviterId],
      );
      return compact({
        items: rows.slice(0, limit).map(toInvite),
        next: rows.length > limit ? String(offset + limit) : undefined,
        total,
      });
    },

    async resendInvite(tx: Tx, inviteId: string, user: User): Promise<Invite> {
      const row = await ownInvite(tx, inviteId, user);
      const status = toInvite(row).status;
      if (status !== 'pending' && status !== 'expired')
        throw invalid('invite.not-resendable', `An invitation that is ${status} cannot be sent again.`);
      const [updated] = await tx.query<InviteRow>(
        `UPDATE invites SET status = 'pending', expires_at = $2 WHERE id = $1 RETURNING ${INVITE_COLUMNS}`,
        [row.id, new Date(domain.now().getTime() + INVITE_VALIDITY_DAYS * DAY_MS)],
      );
      return toInvite(updated);
    },

    async revokeInvite(tx: Tx, inviteId: string, user: User): Promise<Invite> {
      const row = await ownInvite(tx, inviteId, user);
      const status = toInvite(row).status;
      if (status === 'revoked') return toInvite(row);
      if (status !== 'pending')
        throw invalid('invite.not-revocable', `An invitation that is ${status} cannot be revoked.`);
      const [updated] = await tx.query<InviteRow>(
        `UPDATE invites SET status = 'revoked' WHERE id = $1 RETURNING ${INVITE_COLUMNS}`,
        [row.id],
      );
      return toInvite(updated);
    },

    inviteQuota: (tx: Tx, user: User) => quotaFor(tx, user.id),

    async createInviteLink(tx: Tx, user: User): Promise<InviteLink> {
      const inviter = await requireMember(tx, user);
      const now = domain.now();
      const token = secureToken();
      const expiresAt = new Date(now.getTime() + INVITE_LINK_VALIDITY_DAYS * DAY_MS);
      await tx.query(
        'INSERT INTO invite_links (token, inviter_id, created_at, expires_at) VALUES ($1, $2, $3, $4)',
        [token, inviter.id, now, expiresAt],
      );
      return { token, url: config.inviteUrl(token), expiresAt: expiresAt.toISOString() };
    },

    lookupInvite: async (tx: Tx, token: string, user: User) =>
      publicInfo(await tokenInfo(tx, token, user.id)),

    /**
     * An e-mail invitation is answered by its addressee only; a personal link by whoever follows it
     * (the signed-in user joins).
     */
    async respondToInvite(tx: Tx, token: string, accept: boolean, user: User): Promise<InviteTokenInfo> {
      const info = await tokenInfo(tx, token, user.id);
      if (info.state === 'unknown') throw notFound('invite.unknown', 'This invitation does not exist.');
      if (info.state !== 'valid')
        throw invalid(
          `invite.${info.state}`,
          `This invitation is ${info.state === 'used' ? 'already used' : info.state}.`,
        );
      const now = domain.now();
      const me = await requirePerson(tx, user.id);
      if ('row' in info && info.row) {
        const row = info.row;
        const addressedToMe = row.invitee_id
          ? row.invitee_id === me.id
          : row.email === me.email?.toLowerCase();
        if (!addressedToMe) throw forbidden('invite.not-yours', 'This invitation was sent to someone else.');
        await tx.query('UPDATE invites SET status = $2, responded_at = $3, invitee_id = $4 WHERE id = $1', [
          row.id,
          accept ? 'accepted' : 'declined',
          now,
          me.id,
        ]);
        if (accept && !me.is_member) await join(tx, me.id, row.inviter_id, now);
        return publicInfo(await tokenInfo(tx, token, user.id));
      }
      const link = (info as { link: { inviter_id: string; expires_at: Date } }).link;
      if (me.id === link.inviter_id || me.is_member)
        throw invalid('invite.already-member', 'You are already a member of the community.');
      const [row] = await tx.query<InviteRow>(
        `INSERT INTO invites (id, inviter_id, email, invitee_id, status, created_at, expires_at, responded_at, token, via_link)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $6, $8, true) RETURNING ${INVITE_COLUMNS}`,
        [
          `i-${randomUUID()}`,
          link.inviter_id,
          (me.email ?? me.id).toLowerCase(),
          me.id,
          accept ? 'accepted' : 'declined',
          now,
          link.expires_at,
          secureToken(),
        ],
      );
      if (accept) await join(tx, me.id, link.inviter_id, now);
      return compact({ state: 'used' as const, inviter: info.inviter, invite: toInvite(row) });
    },

    async inviteTree(tx: Tx, personId: string): Promise<InviteTreeNode> {
      const person = await requirePerson(tx, personId);
      // Everyone below the person, found by a recursive query on the invited_by index.
      const rows = await tx.query<{
        id: string;
        invited_by: string | null;
        joined_at: Date | null;
        is_member: boolean;
      }>(
        `WITH RECURSIVE tree AS (
           SELECT id, invited_by, joined_at, is_member, 0 AS depth FROM people WHERE id = $1
           UNION ALL
           SELECT p.id, p.invited_by, p.joined_at, p.is_member, t.depth + 1 FROM people p JOIN tree t ON p.invited_by = t.id
            WHERE t.depth < 50
         ) SELECT id, invited_by, joined_at, is_member FROM tree`,
        [person.id],
      );
      return buildInviteTree(
        rows.map((row) => ({
          id: row.id,
          invitedBy: row.id === person.id ? undefined : (row.invited_by ?? undefined),
          joinedAt: iso(row.joined_at),
          isMember: row.is_member,
        })),
        person.id,
      );
    },
  };
}

export type InvitesService = ReturnType<typeof createInvites>;
