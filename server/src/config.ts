/**
 * Configuration from the environment and the command line (docs/server/README.md lists every name).
 */
import type { AuthConfig } from './auth.js';
import type { DomainConfig } from './domain/context.js';
import type { MailConfig } from './mail/mailer.js';
import type { ScimConfig } from './scim/scim.js';
import { parseAllowedDomains } from '../../src/invites/email.js';
import { DEMO_KUDOS_VALUES } from './seed.js';

export interface ServerConfig {
  host: string;
  port: number;
  prefix: string;
  databaseUrl?: string;
  dataDir: string;
  dev: boolean;
  /** Seed the demo company into an empty database. */
  seedDemo: boolean;
  demoSize: number;
  auth: AuthConfig;
  domain: DomainConfig;
  corsOrigins: string[];
  rateLimitPerMinute: number;
  bodyLimit: number;
  trustProxy: string[];
  publicUrl: string;
  /** SCIM provisioning (KRING_SCIM_TOKEN), docs/server/scim.md. */
  scim?: ScimConfig;
  /** Invitation e-mail (KRING_SMTP_URL), docs/server/operations.md. */
  mail?: MailConfig;
  /** Raw activity events older than this many days are rolled into daily aggregates (0: kept). */
  activityRetentionDays: number;
  /** JSON logs to stdout (KRING_LOG=1 or a level: info, warn, debug). */
  logLevel?: string;
}

const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

/**
 * `KRING_INVITE_DOMAINS`, read as `<kring-invite allowed-domains>` is: unset means the inviter's own mail
 * domain, `*` any address, else the listed domains (commas or spaces, a leading `@` is fine).
 */
export function inviteDomains(value: string | undefined): DomainConfig['inviteDomains'] {
  const written = value?.trim() ?? '';
  if (written === '*') return 'any';
  const domains = parseAllowedDomains(written);
  return domains.length ? domains : 'own';
}

export function readConfig(env: NodeJS.ProcessEnv, args: readonly string[]): ServerConfig {
  const flag = (name: string) => args.includes(`--${name}`);
  const option = (name: string) => {
    const at = args.findIndex((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`));
    if (at < 0) return undefined;
    return args[at].includes('=') ? args[at].slice(args[at].indexOf('=') + 1) : args[at + 1];
  };
  const dev = flag('dev') || env.KRING_DEV === '1';
  const port = Number(option('port') ?? env.PORT ?? 8787);
  const host = option('host') ?? env.HOST ?? '127.0.0.1';
  const publicUrl = env.KRING_PUBLIC_URL ?? `http://${host}:${port}`;
  const inviteUrl = env.KRING_INVITE_URL ?? `${publicUrl}/?invite={token}`;
  const auth: AuthConfig = {
    idClaim: env.KRING_ID_CLAIM ?? 'sub',
    roleClaims: list(env.KRING_ROLE_CLAIMS ?? 'roles,groups'),
    managerRoles: list(env.KRING_MANAGER_ROLES ?? 'kring-community-manager'),
    managementRoles: list(env.KRING_MANAGEMENT_ROLES ?? 'kring-management'),
    jitMembers: (env.KRING_JIT_MEMBERS ?? 'true') !== 'false',
    clockToleranceSeconds: Number(env.KRING_CLOCK_TOLERANCE ?? 30),
  };
  if (env.KRING_OIDC_ISSUER) {
    auth.oidc = {
      issuer: env.KRING_OIDC_ISSUER,
      audience: env.KRING_OIDC_AUDIENCE ?? 'kring',
      // Without KRING_OIDC_JWKS_URL the CLI reads it from the issuer's discovery document at start.
      jwksUrl: env.KRING_OIDC_JWKS_URL ?? '',
    };
  }
  if (env.KRING_CMS_SECRET || env.KRING_CMS_PUBLIC_KEY) {
    auth.cms = {
      secret: env.KRING_CMS_SECRET,
      publicKey: env.KRING_CMS_PUBLIC_KEY?.replace(/\\n/g, '\n'),
      issuer: env.KRING_CMS_ISSUER ?? 'cms',
      audience: env.KRING_CMS_AUDIENCE ?? 'kring',
    };
  }
  if (env.KRING_PROXY_HEADER) {
    auth.proxy = {
      header: env.KRING_PROXY_HEADER.toLowerCase(),
      trustedAddresses: list(env.KRING_TRUSTED_PROXIES),
      emailHeader: env.KRING_PROXY_EMAIL_HEADER?.toLowerCase(),
      nameHeader: env.KRING_PROXY_NAME_HEADER?.toLowerCase(),
    };
  }
  if (dev) auth.dev = { defaultUserId: option('sign-in-as') ?? env.KRING_DEV_USER ?? '' };
  return {
    host,
    port,
    prefix: option('prefix') ?? env.KRING_PREFIX ?? '/api/kring',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: option('data') ?? env.KRING_DATA_DIR ?? './kring-data',
    dev,
    seedDemo: flag('demo') || env.KRING_SEED_DEMO === '1',
    demoSize: Number(option('demo-size') ?? env.KRING_DEMO_SIZE ?? 300),
    auth,
    domain: {
      kudosDailyLimit: Number(env.KRING_KUDOS_DAILY_LIMIT ?? 3),
      inviteQuota: Number(env.KRING_INVITE_QUOTA ?? 5),
      inviteDomains: inviteDomains(env.KRING_INVITE_DOMAINS),
      kudosValues: env.KRING_KUDOS_VALUES ? list(env.KRING_KUDOS_VALUES) : [...DEMO_KUDOS_VALUES],
      inviteUrl: (token) => inviteUrl.replace('{token}', encodeURIComponent(token)),
    },
    corsOrigins: list(env.KRING_CORS_ORIGINS),
    rateLimitPerMinute: Number(env.KRING_RATE_LIMIT ?? 600),
    bodyLimit: Number(env.KRING_BODY_LIMIT ?? 262_144),
    trustProxy: list(env.KRING_TRUSTED_PROXIES),
    publicUrl,
    scim: env.KRING_SCIM_TOKEN
      ? {
          token: env.KRING_SCIM_TOKEN,
          idFrom: env.KRING_SCIM_ID === 'externalId' ? 'externalId' : 'userName',
          managerGroups: list(
            env.KRING_SCIM_MANAGER_GROUPS ?? env.KRING_MANAGER_ROLES ?? 'kring-community-manager',
          ),
          managementGroups: list(
            env.KRING_SCIM_MANAGEMENT_GROUPS ?? env.KRING_MANAGEMENT_ROLES ?? 'kring-management',
          ),
        }
      : undefined,
    mail: env.KRING_SMTP_URL
      ? {
          smtpUrl: env.KRING_SMTP_URL,
          from: env.KRING_MAIL_FROM ?? 'Kring <kring@localhost>',
          defaultLanguage: env.KRING_MAIL_LANGUAGE === 'nl' ? 'nl' : 'en',
          reminderAfterDays: Number(env.KRING_INVITE_REMINDER_DAYS ?? 7),
        }
      : undefined,
    activityRetentionDays: Number(env.KRING_ACTIVITY_RETENTION_DAYS ?? 0),
    logLevel: env.KRING_LOG ? (env.KRING_LOG === '1' ? 'info' : env.KRING_LOG) : undefined,
  };
}
