/**
 * Who the user is, from verified credentials only (never from a request body):
 * - an OIDC bearer token (Entra ID, Okta, Keycloak): signature by the issuer's JWKS, issuer, audience, expiry;
 * - a short-lived token minted by the host CMS (HS256 shared secret or RS256 public key);
 * - a header set by a trusted reverse proxy, accepted only from the configured proxy addresses;
 * - `--dev`: a chosen demo person (refused when NODE_ENV=production).
 * Roles (community manager, management) come from configured role or group claims, or from the
 * directory (import, seed). People are created or updated just in time from the claims.
 */
import { createPublicKey, createSecretKey, type KeyObject } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { User } from './domain/context.js';
import { ApiError, unauthorized } from './errors.js';
import type { Db } from './store/db.js';

export interface AuthConfig {
  oidc?: { issuer: string; audience: string; jwksUrl: string };
  cms?: { secret?: string; publicKey?: string; issuer: string; audience: string };
  proxy?: { header: string; trustedAddresses: string[]; emailHeader?: string; nameHeader?: string };
  /** Dev mode: who is signed in when the request names nobody (`X-Kring-Dev-User` or cookie `kring-dev-user`). */
  dev?: { defaultUserId: string };
  /** The claim holding the person id. Default `sub`. */
  idClaim: string;
  roleClaims: string[];
  managerRoles: string[];
  managementRoles: string[];
  /** People created just in time become members. */
  jitMembers: boolean;
  /** Accepted clock difference for exp/nbf, seconds. */
  clockToleranceSeconds: number;
}

export interface Claims {
  id: string;
  email?: string;
  name?: string;
  department?: string;
  roles: string[];
}

export interface RequestCredentials {
  method: string;
  authorization?: string;
  headers: Record<string, string | string[] | undefined>;
  remoteAddress?: string;
  cookies: Record<string, string>;
}

const DEV_HEADER = 'x-kring-dev-user';
/** Headers a cross-site form or a beacon cannot send. */
const CSRF_SAFE_HEADERS = ['idempotency-key', 'x-csrf-token', 'x-requested-with'];
export const DEV_COOKIE = 'kring-dev-user';

export function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at <= 0) continue;
    try {
      cookies[part.slice(0, at).trim()] = decodeURIComponent(part.slice(at + 1).trim());
    } catch {
      // A malformed cookie is ignored, not an error.
    }
  }
  return cookies;
}

function header(headers: RequestCredentials['headers'], name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** Strips the IPv4-mapped IPv6 prefix so `::ffff:127.0.0.1` matches `127.0.0.1`. */
const plainAddress = (address: string | undefined) => address?.replace(/^::ffff:/, '');

export function createAuthenticator(config: AuthConfig, db: Db) {
  if (config.dev && process.env.NODE_ENV === 'production')
    throw new Error('--dev mode signs anyone in and is refused when NODE_ENV=production.');
  const oidcKeys: JWTVerifyGetKey | undefined = config.oidc
    ? createRemoteJWKSet(new URL(config.oidc.jwksUrl), { cooldownDuration: 30_000 })
    : undefined;
  let cmsKey: KeyObject | undefined;
  if (config.cms?.secret) cmsKey = createSecretKey(Buffer.from(config.cms.secret, 'utf8'));
  else if (config.cms?.publicKey) cmsKey = createPublicKey(config.cms.publicKey);
  /** person id → fingerprint of the claims last written, so JIT writes only on change. */
  const known = new Map<string, string>();

  function claimsOf(payload: JWTPayload): Claims {
    const id = payload[config.idClaim];
    if (typeof id !== 'string' || !id) throw unauthorized(`The token has no "${config.idClaim}" claim.`);
    const roles: string[] = [];
    for (const claim of config.roleClaims) {
      const value = payload[claim];
      if (Array.isArray(value))
        roles.push(...value.filter((item): item is string => typeof item === 'string'));
      else if (typeof value === 'string') roles.push(...value.split(/[\s,]+/).filter(Boolean));
    }
    const text = (name: string) =>
      typeof payload[name] === 'string' ? (payload[name] as string) : undefined;
    return {
      id,
      email: text('email') ?? text('preferred_username') ?? text('upn'),
      name: text('name'),
      department: text('department'),
      roles,
    };
  }

  async function verifyBearer(token: string): Promise<Claims> {
    // The token says which kind it is by its issuer; each kind is checked only against its own keys.
    let issuer: unknown;
    try {
      issuer = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')).iss;
    } catch {
      throw unauthorized('The token is not a JWT.');
    }
    const tolerance = config.clockToleranceSeconds;
    try {
      if (config.cms && cmsKey && issuer === config.cms.issuer) {
        const { payload } = await jwtVerify(token, cmsKey, {
          issuer: config.cms.issuer,
          audience: config.cms.audience,
          algorithms: config.cms.secret ? ['HS256'] : ['RS256'],
          requiredClaims: ['exp'],
          clockTolerance: tolerance,
        });
        return claimsOf(payload);
      }
      if (config.oidc && oidcKeys) {
        const { payload } = await jwtVerify(token, oidcKeys, {
          issuer: config.oidc.issuer,
          audience: config.oidc.audience,
          algorithms: ['RS256', 'RS384', 'RS512', 'PS256', 'ES256', 'ES384', 'EdDSA'],
          requiredClaims: ['exp'],
          clockTolerance: tolerance,
        });
        return claimsOf(payload);
      }
    } catch (error) {
      if (error instanceof ApiError) throw error;
      const code = (error as { code?: string }).code ?? '';
      throw unauthorized(
        code === 'ERR_JWT_EXPIRED'
          ? 'The sign-in has expired; sign in again.'
          : 'The token could not be verified.',
      );
    }
    throw unauthorized('The token was not issued by a trusted issuer.');
  }

  /** Creates or updates the person from the claims (only when they changed since last seen). */
  async function justInTime(claims: Claims): Promise<void> {
    // A person provisioned by SCIM or imported under another id (user name, external id, e-mail) is
    // that person: sign-in uses their id instead of creating a second one.
    const [linked] = await db.query<{ id: string }>(
      `SELECT id FROM people WHERE id <> $1 AND (external_id = $1 OR lower(user_name) = lower($1)
          OR ($2::text IS NOT NULL AND (lower(user_name) = lower($2) OR lower(email) = lower($2))))
        ORDER BY (external_id = $1) DESC NULLS LAST LIMIT 1`,
      [claims.id, claims.email ?? null],
    );
    if (linked && !(await db.query('SELECT 1 FROM people WHERE id = $1', [claims.id])).length) {
      claims.id = linked.id;
      return;
    }
    const fingerprint = JSON.stringify([claims.email, claims.name, claims.department]);
    if (known.get(claims.id) === fingerprint) return;
    await db.query(
      `INSERT INTO people (id, email, name, department, is_member, joined_at)
       VALUES ($1, $2, $3, $4, $5, CASE WHEN $5 THEN now() END)
       ON CONFLICT (id) DO UPDATE SET
         email = COALESCE(EXCLUDED.email, people.email),
         name = CASE WHEN $6 THEN EXCLUDED.name ELSE people.name END,
         department = COALESCE(EXCLUDED.department, people.department),
         updated_at = now()`,
      [
        claims.id,
        claims.email ?? null,
        claims.name ?? claims.email ?? claims.id,
        claims.department ?? null,
        config.jitMembers,
        claims.name !== undefined,
      ],
    );
    if (known.size > 50_000) known.clear();
    known.set(claims.id, fingerprint);
  }

  async function userFromDirectory(id: string, roles: readonly string[]): Promise<User> {
    const [row] = await db.query<{
      id: string;
      is_community_manager: boolean;
      is_management: boolean;
      deactivated_at: Date | null;
    }>(
      'SELECT id, is_community_manager, is_management, deactivated_at FROM people WHERE id = $1 OR lower(email) = lower($1) ORDER BY id = $1 DESC LIMIT 1',
      [id],
    );
    if (!row) throw unauthorized(`"${id}" is not in the directory.`);
    // Deactivated by the directory (SCIM) or erased: no sign-in, whatever the token says.
    if (row.deactivated_at) throw unauthorized('This account is deactivated.');
    return {
      id: row.id,
      isCommunityManager:
        row.is_community_manager || roles.some((role) => config.managerRoles.includes(role)),
      isManagement: row.is_management || roles.some((role) => config.managementRoles.includes(role)),
    };
  }

  return {
    /** The signed-in user, or a 401 in the contract's shape. */
    async authenticate(request: RequestCredentials): Promise<User> {
      const bearer = request.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
      if (bearer && (config.oidc || config.cms)) {
        const claims = await verifyBearer(bearer);
        await justInTime(claims);
        return userFromDirectory(claims.id, claims.roles);
      }
      if (config.proxy) {
        const value = header(request.headers, config.proxy.header);
        if (value) {
          if (!config.proxy.trustedAddresses.includes(plainAddress(request.remoteAddress) ?? ''))
            throw unauthorized('The identity header is only accepted from the configured proxy.');
          const claims: Claims = {
            id: value,
            email: config.proxy.emailHeader ? header(request.headers, config.proxy.emailHeader) : undefined,
            name: config.proxy.nameHeader ? header(request.headers, config.proxy.nameHeader) : undefined,
            roles: [],
          };
          await justInTime(claims);
          return userFromDirectory(claims.id, []);
        }
      }
      if (config.dev) {
        const fromCookie =
          header(request.headers, DEV_HEADER) === undefined && request.cookies[DEV_COOKIE] !== undefined;
        // A cookie is sent by any page that posts here: a write on cookie identity must carry what no
        // cross-site form or beacon can send: a custom header (the REST adapter's Idempotency-Key) or a
        // JSON content type (the adapter's /people/lookup), both of which need a CORS preflight.
        const json = /^application\/json\b/i.test(header(request.headers, 'content-type') ?? '');
        if (
          fromCookie &&
          request.method !== 'GET' &&
          request.method !== 'HEAD' &&
          !json &&
          !CSRF_SAFE_HEADERS.some((name) => header(request.headers, name))
        )
          throw new ApiError(
            403,
            'auth.csrf',
            'This request needs an Idempotency-Key or X-CSRF-Token header.',
          );
        const chosen =
          header(request.headers, DEV_HEADER) ?? request.cookies[DEV_COOKIE] ?? config.dev.defaultUserId;
        return userFromDirectory(chosen, []);
      }
      throw unauthorized();
    },
  };
}

export type Authenticator = ReturnType<typeof createAuthenticator>;
