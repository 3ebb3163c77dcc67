/**
 * The invitation mailer: invitations waiting in the `invites` table (delivery_status `queued`) are
 * claimed one at a time (safe with several server instances: FOR UPDATE SKIP LOCKED), sent over SMTP
 * with nodemailer, and marked `sent` or `failed` with the server's answer. A refused recipient
 * (5xx on RCPT) or an unreachable server is visible on the invitation (`delivery` in the contract).
 * Reminders (`kring-server send-reminders`) queue open invitations once, after a configured number
 * of days.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import type { Db } from '../store/db.js';
import { mailLanguage, renderInviteMail, type MailLanguage } from './templates.js';
import { DAY_MS } from '../../../src/time.js';

export interface MailConfig {
  /** nodemailer transport URL: smtp://user:pass@host:587, smtps://host:465, smtp://host:25?ignoreTLS=true */
  smtpUrl: string;
  /** The sender, e.g. `Kring <kring@intranet.example>`. */
  from: string;
  /** When neither invitee nor inviter has a supported language. */
  defaultLanguage: MailLanguage;
  /** Days after sending before one reminder goes out. */
  reminderAfterDays: number;
}

interface QueuedInvite {
  id: string;
  email: string;
  token: string;
  message: string | null;
  expires_at: Date;
  delivery_kind: string | null;
  inviter_name: string;
  inviter_locale: string | null;
  invitee_name: string | null;
  invitee_locale: string | null;
}

export interface Mailer {
  /** Start sending what is queued (returns at once; `idle()` waits). */
  kick(): void;
  /** Resolves when nothing is being sent and nothing queued was found. */
  idle(): Promise<void>;
  /** Queues a reminder for open invitations sent more than `reminderAfterDays` ago; sends them. */
  sendReminders(): Promise<number>;
  close(): Promise<void>;
}

/** The SMTP server's answer without anything but the code and text (never credentials). */
function reasonOf(error: unknown): string {
  const failure = error as { responseCode?: number; response?: string; code?: string; message?: string };
  const text = failure.response ?? failure.message ?? String(error);
  return `${failure.responseCode ? `${failure.responseCode} ` : ''}${text}`
    .replace(/\/\/[^@/\s]*@/g, '//')
    .replace(/\s+/g, ' ')
    .slice(0, 300);
}

export function createMailer(
  db: Db,
  config: MailConfig,
  options: {
    inviteUrl: (token: string) => string;
    now?: () => Date;
    log?: { warn(object: unknown, message?: string): void; info(object: unknown, message?: string): void };
    transport?: Transporter;
  },
): Mailer {
  const now = options.now ?? (() => new Date());
  const transport: Transporter = options.transport ?? nodemailer.createTransport(config.smtpUrl);
  let running: Promise<void> | undefined;
  let again = false;
  let closed = false;

  async function claim(): Promise<QueuedInvite | undefined> {
    return db.transaction(async (tx) => {
      const [row] = await tx.query<{ id: string }>(
        `SELECT id FROM invites WHERE delivery_status = 'queued' ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
      );
      if (!row) return undefined;
      await tx.query(`UPDATE invites SET delivery_status = 'sending' WHERE id = $1`, [row.id]);
      const [invite] = await tx.query<QueuedInvite>(
        `SELECT i.id, i.email, i.token, i.message, i.expires_at, i.delivery_kind,
                inviter.name AS inviter_name, inviter.locale AS inviter_locale,
                invitee.name AS invitee_name, invitee.locale AS invitee_locale
           FROM invites i JOIN people inviter ON inviter.id = i.inviter_id
           LEFT JOIN people invitee ON invitee.id = i.invitee_id OR (i.invitee_id IS NULL AND lower(invitee.email) = i.email)
          WHERE i.id = $1 LIMIT 1`,
        [row.id],
      );
      return invite;
    });
  }

  async function deliver(invite: QueuedInvite): Promise<void> {
    const language = mailLanguage(invite.invitee_locale, invite.inviter_locale) ?? config.defaultLanguage;
    const mail = renderInviteMail({
      kind: invite.delivery_kind === 'reminder' ? 'reminder' : 'invitation',
      language,
      inviterName: invite.inviter_name,
      inviteeName: invite.invitee_name ?? undefined,
      message: invite.message ?? undefined,
      link: options.inviteUrl(invite.token),
      expiresAt: invite.expires_at,
    });
    try {
      const info = await transport.sendMail({
        from: config.from,
        to: invite.email,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: { 'Content-Language': language, 'Auto-Submitted': 'auto-generated' },
      });
      const rejected = (info.rejected ?? []) as unknown[];
      if (rejected.length) throw Object.assign(new Error(`refused ${rejected.length} recipient`), info);
      await db.query(
        `UPDATE invites SET delivery_status = 'sent', delivery_error = NULL, delivered_at = $2 WHERE id = $1`,
        [invite.id, now()],
      );
      options.log?.info(
        { invite: invite.id, kind: invite.delivery_kind, language },
        'invitation e-mail sent',
      );
    } catch (error) {
      const reason = reasonOf(error);
      await db.query(
        `UPDATE invites SET delivery_status = 'failed', delivery_error = $2, delivered_at = $3 WHERE id = $1`,
        [invite.id, reason, now()],
      );
      options.log?.warn({ invite: invite.id, reason }, 'invitation e-mail failed');
    }
  }

  async function drain(): Promise<void> {
    do {
      again = false;
      for (;;) {
        if (closed) return;
        const invite = await claim();
        if (!invite) break;
        await deliver(invite);
      }
    } while (again);
  }

  function kick(): void {
    if (closed) return;
    if (running) {
      again = true;
      return;
    }
    running = drain()
      .catch((error) => options.log?.warn({ reason: reasonOf(error) }, 'the mailer stopped'))
      .finally(() => {
        running = undefined;
      });
  }

  // Invitations a stopped instance was sending when it died go out again.
  const recovered = db
    .query(`UPDATE invites SET delivery_status = 'queued' WHERE delivery_status = 'sending'`)
    .catch(() => undefined);

  return {
    kick: () => void recovered.then(kick),
    async idle() {
      await recovered;
      while (running) await running;
    },
    async sendReminders() {
      await recovered;
      const before = new Date(now().getTime() - config.reminderAfterDays * DAY_MS);
      const rows = await db.query<{ id: string }>(
        `UPDATE invites SET delivery_status = 'queued', delivery_kind = 'reminder', reminded_at = $1
          WHERE status = 'pending' AND NOT via_link AND reminded_at IS NULL AND expires_at > $1
            AND delivery_status = 'sent' AND created_at <= $2
          RETURNING id`,
        [now(), before],
      );
      kick();
      while (running) await running;
      return rows.length;
    },
    async close() {
      // In-flight sends finish; nothing new starts.
      while (running) await running;
      closed = true;
      transport.close();
    },
  };
}
