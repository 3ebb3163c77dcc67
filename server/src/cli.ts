/**
 * `kring-server [serve] [--dev] [--demo] [--port N] [--data DIR]`: starts the server (migrations first).
 * `kring-server import people.csv|people.json`: adds or updates people in the directory.
 * `kring-server migrate`: runs the migrations and stops.
 * Operations (src/ops/commands.ts): send-reminders, export-person, erase-person, roll-up-activity, audit.
 */
import { basename } from 'node:path';
import { readFileSync } from 'node:fs';
import { buildApp } from './app.js';
import { readConfig } from './config.js';
import { importPeople, parsePeopleFile } from './directory.js';
import { seedDemo } from './seed.js';
import { createMailer, type Mailer } from './mail/mailer.js';
import { audit } from './ops/audit.js';
import { OPS_COMMANDS, runOpsCommand } from './ops/commands.js';
import { loggerOptions } from './ops/logging.js';
import { scheduleRetention } from './privacy/retention.js';
import { openDatabase } from './store/db.js';
import { migrate } from './store/migrate.js';

const args = process.argv.slice(2);
const command = args[0] && !args[0].startsWith('--') ? args[0] : 'serve';
const config = readConfig(process.env, args);

async function main(): Promise<void> {
  if (config.dev && process.env.NODE_ENV === 'production') {
    console.error('kring-server: --dev signs anyone in and is refused when NODE_ENV=production.');
    process.exit(2);
  }
  const oidc = config.auth.oidc;
  if (oidc && !process.env.KRING_OIDC_JWKS_URL) {
    // The issuer's discovery document names its key set (Entra ID, Keycloak and Okta all publish one).
    const discovery = `${oidc.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
    const response = await fetch(discovery);
    if (!response.ok)
      throw new Error(`could not read ${discovery} (${response.status}); set KRING_OIDC_JWKS_URL.`);
    oidc.jwksUrl = ((await response.json()) as { jwks_uri: string }).jwks_uri;
  }
  const db = await openDatabase(config);
  const applied = await migrate(db);
  // Ops commands print data on stdout; messages go to stderr.
  if (applied.length)
    (OPS_COMMANDS.includes(command) ? console.error : console.log)(
      `kring-server: migrations applied: ${applied.join(', ')}`,
    );
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}`;

  if (command === 'migrate') return db.close();
  if (command === 'import') {
    const file = args[1];
    if (!file) throw new Error('Usage: kring-server import people.csv|people.json');
    const count = await importPeople(db, parsePeopleFile(file, readFileSync(file, 'utf8')));
    await audit(db, `cli:${process.env.USER ?? 'operator'}`, 'people.import', undefined, {
      file: basename(file),
      people: count,
    });
    console.log(`kring-server: ${count} people imported into ${where}.`);
    return db.close();
  }
  if (OPS_COMMANDS.includes(command)) {
    process.exitCode = await runOpsCommand(command, args.slice(1), db, config);
    return db.close();
  }
  if (command !== 'serve')
    throw new Error(
      `Unknown command "${command}". Use serve, import, migrate or ${OPS_COMMANDS.join(', ')}.`,
    );

  if (config.seedDemo) {
    const seeded = await seedDemo(db, { size: config.demoSize });
    if (seeded)
      console.log(
        `kring-server: seeded the demo company (${seeded.people} people, ${seeded.kudos} kudos, ${seeded.events} events).`,
      );
  }
  if (config.auth.dev && !config.auth.dev.defaultUserId) {
    const [manager] = await db.query<{ id: string }>(
      'SELECT id FROM people ORDER BY is_community_manager DESC, id LIMIT 1',
    );
    config.auth.dev.defaultUserId = manager?.id ?? '';
  }
  const { demoSiteRoutes } =
    config.seedDemo && config.dev ? await import('./demo-site.js') : { demoSiteRoutes: undefined };
  const logOptions = loggerOptions(config.logLevel ?? 'info');
  const mailer: Mailer | undefined = config.mail
    ? createMailer(db, config.mail, { inviteUrl: config.domain.inviteUrl })
    : undefined;
  const app = await buildApp({
    db,
    auth: config.auth,
    domain: config.domain,
    prefix: config.prefix,
    corsOrigins: config.corsOrigins,
    rateLimitPerMinute: config.rateLimitPerMinute,
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    logger: config.logLevel !== undefined,
    loggerOptions: logOptions,
    scim: config.scim,
    mailer,
    extraRoutes: demoSiteRoutes ? (instance) => demoSiteRoutes(instance, db, config.prefix) : undefined,
  });
  await app.listen({ host: config.host, port: config.port });
  const address = `http://${config.host}:${config.port}`;
  console.log(
    `Kring Server on ${address}${config.prefix} (${where})${config.dev ? ', dev mode: signed in as a chosen demo person' : ''}`,
  );
  // Invitations queued by an instance that stopped before sending are swept up every minute.
  mailer?.kick();
  const mailSweep = mailer ? setInterval(() => mailer.kick(), 60_000) : undefined;
  mailSweep?.unref();
  const stopRetention = scheduleRetention(db, config.activityRetentionDays, app.log);
  // Graceful shutdown: no new connections (readiness answers 503), requests in flight finish and
  // their writes commit, e-mails being sent finish, then the database closes.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      app.log.info({ signal }, 'stopping');
      stopRetention();
      clearInterval(mailSweep);
      void app
        .close()
        .then(() => mailer?.close())
        .then(() => db.close())
        .then(() => process.exit(0))
        .catch((error: Error) => {
          console.error(`kring-server: stopping failed: ${error.message}`);
          process.exit(1);
        });
    });
  }
}

main().catch((error: Error & { code?: string }) => {
  if (error.code === 'EADDRINUSE')
    console.error(`kring-server: port ${config.port} is in use; choose another with --port.`);
  else console.error(`kring-server: ${error.message}`);
  process.exit(1);
});
