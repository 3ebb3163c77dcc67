/**
 * Operator commands of `kring-server` (docs/server/operations.md):
 * - `send-reminders`: one reminder e-mail for open invitations older than KRING_INVITE_REMINDER_DAYS;
 * - `export-person <id> [--out FILE]`: everything about one person as JSON (audited);
 * - `erase-person <id> --yes`: removes their personal data, keeps aggregates (audited);
 * - `roll-up-activity [--days N]`: retention now (KRING_ACTIVITY_RETENTION_DAYS by default);
 * - `audit [--limit N] [--action NAME] [--subject ID]`: the audit log, newest first, as JSON lines;
 * - `dump [--out FILE]`: all data as one SQL script; `load FILE`: loads such a script (src/ops/dump.ts).
 */
import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import type { ServerConfig } from '../config.js';
import { createMailer } from '../mail/mailer.js';
import { erasePerson, exportPerson } from '../privacy/person.js';
import { retentionCutoff, rollUpActivity } from '../privacy/retention.js';
import type { Db } from '../store/db.js';
import { readAudit } from './audit.js';
import { dumpSql } from './dump.js';

export const OPS_COMMANDS = [
  'send-reminders',
  'export-person',
  'erase-person',
  'roll-up-activity',
  'audit',
  'dump',
  'load',
];

function option(args: readonly string[], name: string): string | undefined {
  const at = args.findIndex((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`));
  if (at < 0) return undefined;
  return args[at].includes('=') ? args[at].slice(args[at].indexOf('=') + 1) : args[at + 1];
}

/** Runs one command; returns the exit code. Output goes to stdout (data) and stderr (messages). */
export async function runOpsCommand(
  command: string,
  args: readonly string[],
  db: Db,
  config: ServerConfig,
): Promise<number> {
  const actor = option(args, 'actor') ?? `cli:${process.env.USER ?? 'operator'}`;
  const positional = args.find(
    (arg, index) =>
      !arg.startsWith('--') && !args[index - 1]?.match(/^--(out|actor|limit|action|subject|days)$/),
  );
  switch (command) {
    case 'send-reminders': {
      if (!config.mail) {
        console.error('kring-server: set KRING_SMTP_URL to send e-mail.');
        return 2;
      }
      const mailer = createMailer(db, config.mail, { inviteUrl: config.domain.inviteUrl });
      const count = await mailer.sendReminders();
      await mailer.close();
      console.error(`kring-server: ${count} reminder(s) sent or attempted.`);
      return 0;
    }
    case 'export-person': {
      if (!positional) throw new Error('Usage: kring-server export-person <id> [--out FILE]');
      const data = JSON.stringify(await exportPerson(db, positional, actor), null, 2);
      const out = option(args, 'out');
      if (out) writeFileSync(out, `${data}\n`, { mode: 0o600 });
      else process.stdout.write(`${data}\n`);
      return 0;
    }
    case 'erase-person': {
      if (!positional) throw new Error('Usage: kring-server erase-person <id> --yes');
      if (!args.includes('--yes')) {
        console.error(`kring-server: erasing ${positional} cannot be undone; repeat with --yes.`);
        return 2;
      }
      const { anonymousId } = await erasePerson(db, positional, actor);
      console.error(`kring-server: erased; the aggregates now count them as ${anonymousId}.`);
      return 0;
    }
    case 'roll-up-activity': {
      const days = Number(option(args, 'days') ?? config.activityRetentionDays);
      if (!(days > 0)) throw new Error('Give --days N or set KRING_ACTIVITY_RETENTION_DAYS.');
      const moved = await rollUpActivity(db, retentionCutoff(new Date(), days), actor);
      console.error(`kring-server: ${moved} raw event(s) rolled into daily aggregates.`);
      return 0;
    }
    case 'audit': {
      const entries = await readAudit(db, {
        limit: Number(option(args, 'limit') ?? 100),
        action: option(args, 'action'),
        subject: option(args, 'subject'),
      });
      for (const entry of entries) process.stdout.write(`${JSON.stringify(entry)}\n`);
      return 0;
    }
    case 'dump': {
      const out = option(args, 'out');
      if (!out) {
        await dumpSql(db, (text) => process.stdout.write(text));
        return 0;
      }
      const file = createWriteStream(out, { mode: 0o600 });
      await dumpSql(db, (text) => file.write(text));
      await new Promise<void>((resolve, reject) =>
        file.end((error?: Error | null) => (error ? reject(error) : resolve())),
      );
      return 0;
    }
    case 'load': {
      if (!positional)
        throw new Error('Usage: kring-server load kring.sql (into an empty, migrated database)');
      const [{ people }] = await db.query<{ people: number }>('SELECT count(*)::int AS people FROM people');
      if (people > 0 && !args.includes('--force')) {
        console.error('kring-server: the database is not empty; load into a new one (or add --force).');
        return 2;
      }
      try {
        await db.exec(readFileSync(positional, 'utf8'));
      } catch (error) {
        // The script is one transaction: nothing of it stays.
        await db.exec('ROLLBACK').catch(() => undefined);
        throw error;
      }
      console.error(`kring-server: loaded ${positional}.`);
      return 0;
    }
  }
  throw new Error(`Unknown command "${command}".`);
}
