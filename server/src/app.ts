/**
 * The HTTP server: Fastify with routes and request validation built from docs/api/openapi.yaml by
 * fastify-openapi-glue (contract-first: an operation missing here fails at start), plus identity,
 * idempotency, rate limits, CORS, security headers and errors in the contract's shape.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import openapiGlue from 'fastify-openapi-glue';
import { parse as parseYaml } from 'yaml';
import { readFileSync } from 'node:fs';
import { createAuthenticator, parseCookies, type AuthConfig } from './auth.js';
import type { Domain, DomainConfig, User } from './domain/context.js';
import { createActivity } from './domain/activity.js';
import { createAmbassadors } from './domain/ambassadors.js';
import { createInvites } from './domain/invites.js';
import { createKudos } from './domain/kudos.js';
import { lookupPeople, requirePerson, toPerson } from './domain/people.js';
import { createSearch } from './domain/search.js';
import { ApiError } from './errors.js';
import { idempotent, pruneIdempotency, requestHash, type StoredResult } from './idempotency.js';
import type { Db, Queryable } from './store/db.js';
import type { Mailer } from './mail/mailer.js';
import { audit } from './ops/audit.js';
import { healthRoutes } from './ops/health.js';
import { scimRoutes, type ScimConfig } from './scim/scim.js';
import { liveEffects } from './live/events.js';
import { createLiveHub, type LiveHubOptions } from './live/hub.js';

export const CONTRACT_PATH = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'docs',
  'api',
  'openapi.yaml',
);

export interface AppOptions {
  db: Db;
  auth: AuthConfig;
  domain: DomainConfig;
  /** Where the API is mounted, e.g. `/api/kring`. */
  prefix: string;
  /** Origins allowed to call the API from a browser (CORS); empty allows same-origin only. */
  corsOrigins: string[];
  /** Requests per user (or per address before sign-in) per minute. */
  rateLimitPerMinute: number;
  /** Largest request body, bytes. */
  bodyLimit: number;
  now?: () => Date;
  logger?: boolean;
  /** Addresses whose X-Forwarded-For is believed (the reverse proxies). */
  trustProxy?: string[];
  /** Extra routes (the demo site in `npm start`), registered on the same server. */
  extraRoutes?: (app: FastifyInstance) => void | Promise<void>;
  /** SCIM 2.0 provisioning at /scim/v2 (src/scim), when a SCIM secret is configured. */
  scim?: ScimConfig;
  /** Sends invitation e-mails (src/mail), when SMTP is configured. */
  mailer?: Mailer;
  /** pino options for structured JSON logs (`logger: true` uses these; see src/ops/logging.ts). */
  loggerOptions?: Record<string, unknown>;
  /** Live updates (`GET /events`, docs/server/live-updates.md): timings for tests. */
  live?: LiveHubOptions;
}

declare module 'fastify' {
  interface FastifyRequest {
    user?: User;
  }
}

const SERVER_ERROR = { code: 'server', message: 'Something went wrong on the server. Try again later.' };

export function loadContract(path = CONTRACT_PATH): Record<string, unknown> {
  return parseYaml(readFileSync(path, 'utf8'));
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { db } = options;
  const now = options.now ?? (() => new Date());
  const authenticator = createAuthenticator(options.auth, db);
  let search: ReturnType<typeof createSearch>;
  const domain: Domain = { db, config: options.domain, now, touched: () => search?.invalidate() };
  search = createSearch(domain);
  const kudos = createKudos(domain);
  const invites = createInvites(domain);
  const ambassadors = createAmbassadors(domain);
  const activity = createActivity(domain);
  const live = createLiveHub(db, options.live);

  const app = Fastify({
    logger: options.logger ? (options.loggerOptions ?? true) : false,
    bodyLimit: options.bodyLimit,
    trustProxy: options.trustProxy?.length ? options.trustProxy : false,
    // Validation errors are answered by the error handler below, in the contract's shape.
    ajv: { customOptions: { strict: false, coerceTypes: 'array', removeAdditional: false } },
  });

  // Bodies: JSON only (an empty body is no body: several writes have none); text/plain is refused (415).
  app.removeContentTypeParser(['application/json', 'text/plain']);
  const parseJson = (
    _request: FastifyRequest,
    body: string,
    done: (error: Error | null, value?: unknown) => void,
  ) => {
    if (body.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(body));
    } catch {
      done(new ApiError(400, 'invalid.json', 'The request body is not valid JSON.'));
    }
  };
  app.addContentTypeParser('application/json', { parseAs: 'string' }, parseJson);

  await app.register(helmet, {
    contentSecurityPolicy: { directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
    crossOriginResourcePolicy: { policy: 'same-site' },
  });
  await app.register(cors, {
    origin: (origin, callback) => callback(null, !origin || options.corsOrigins.includes(origin)),
    credentials: true,
    methods: ['GET', 'POST', 'PUT', 'DELETE'],
    allowedHeaders: ['authorization', 'content-type', 'idempotency-key', 'x-csrf-token', 'x-wp-nonce'],
    exposedHeaders: ['retry-after', 'ratelimit-reset'],
    maxAge: 600,
  });

  const apiPrefix = options.prefix.replace(/\/$/, '');
  const isApi = (url: string) => url === apiPrefix || url.startsWith(`${apiPrefix}/`);

  app.addHook('onRequest', async (request) => {
    if (request.method === 'OPTIONS' || !isApi(request.url)) return;
    // The contract: /activity only from a script allowed to set headers (no cross-site form or beacon).
    if (request.method === 'POST' && request.url.split('?')[0] === `${apiPrefix}/activity`) {
      const json = /^application\/json\b/i.test(request.headers['content-type'] ?? '');
      if (request.headers['x-kring-request'] !== '1' || !json)
        throw new ApiError(403, 'activity.cross-site', 'Activity is only accepted from the page itself.');
    }
    request.user = await authenticator.authenticate({
      method: request.method,
      authorization: request.headers.authorization,
      headers: request.headers,
      remoteAddress: request.socket.remoteAddress,
      cookies: parseCookies(request.headers.cookie),
    });
  });

  await app.register(rateLimit, {
    hook: 'preHandler',
    max: options.rateLimitPerMinute,
    timeWindow: 60_000,
    keyGenerator: (request) => (request.user ? `user:${request.user.id}` : `ip:${request.ip}`),
    allowList: (request) => !isApi(request.url),
    errorResponseBuilder: (_request, context) =>
      new ApiError(
        429,
        'throttled',
        `Too many requests; try again in ${Math.ceil(context.ttl / 1000)} seconds.`,
        {
          'retry-after': String(Math.max(1, Math.ceil(context.ttl / 1000))),
          'ratelimit-reset': String(Math.max(1, Math.ceil(context.ttl / 1000))),
        },
      ),
  });

  app.setErrorHandler(
    (error: Error & { statusCode?: number; validation?: unknown; code?: string }, request, reply) => {
      if (error instanceof ApiError) {
        void reply
          .code(error.status)
          .headers(error.headers)
          .send({ code: error.code, message: error.message });
        return;
      }
      if (error.validation) {
        void reply
          .code(400)
          .send({ code: 'invalid', message: `The request is not valid: ${error.message}.` });
        return;
      }
      const status = error.statusCode ?? 500;
      if (status >= 400 && status < 500) {
        const code = status === 413 ? 'too-large' : status === 415 ? 'unsupported-media-type' : 'invalid';
        void reply
          .code(status)
          .send({ code, message: status === 413 ? 'The request is too large.' : error.message });
        return;
      }
      request.log.error(error);
      void reply.code(500).send(SERVER_ERROR);
    },
  );
  app.setNotFoundHandler((_request, reply) => {
    void reply.code(404).send({ code: 'not-found', message: 'There is nothing at this address.' });
  });

  const user = (request: FastifyRequest): User => request.user!;
  const query = (request: FastifyRequest) =>
    request.query as Record<string, string | number | boolean | undefined>;
  const params = (request: FastifyRequest) => request.params as Record<string, string>;
  const read = <T>(work: (tx: Queryable) => Promise<T>) => work(db);

  /** A write: at most once per (user, Idempotency-Key), in one transaction. */
  function write(
    status: number,
    work: (tx: Queryable, request: FastifyRequest) => Promise<unknown>,
    keyOptional = false,
  ) {
    return async (request: FastifyRequest, reply: FastifyReply) => {
      const headerKey = request.headers['idempotency-key'];
      const key = typeof headerKey === 'string' && headerKey ? headerKey : undefined;
      if (!key && keyOptional) {
        const body = await db.transaction((tx) => work(tx, request));
        void reply.code(status);
        return body ?? reply.send();
      }
      if (!key || key.length > 128)
        throw new ApiError(
          400,
          'idempotency-key',
          'Every write needs an Idempotency-Key header (at most 128 characters).',
        );
      const path = request.url.split('?')[0];
      const result: StoredResult = await idempotent(
        db,
        user(request).id,
        key,
        requestHash(request.method, path, request.body),
        async (tx) => ({
          status,
          body: await work(tx, request),
        }),
      );
      void reply.code(result.status);
      return result.body ?? reply.send();
    };
  }

  /** With a mailer, a sent or resent invitation is queued for e-mail (sent after the commit). */
  async function queueMail<T extends { id: string; delivery?: unknown }>(
    tx: Queryable,
    invite: T,
  ): Promise<T> {
    if (!options.mailer) return invite;
    await tx.query(
      `UPDATE invites SET delivery_status = 'queued', delivery_kind = 'invitation', delivery_error = NULL WHERE id = $1`,
      [invite.id],
    );
    return { ...invite, delivery: { status: 'queued' } };
  }
  if (options.mailer) {
    const mailer = options.mailer;
    app.addHook('onResponse', async (request, reply) => {
      if (
        request.method === 'POST' &&
        reply.statusCode < 300 &&
        /\/invites(\/[^/]+\/resend)?$/.test(request.url.split('?')[0])
      )
        mailer.kick();
    });
  }
  /** Endorse or withdraw, and tell the live streams. */
  const endorse = (on: boolean) =>
    write(200, async (tx, request) => {
      const { personId, skill } = params(request);
      const result = await kudos.endorse(tx, personId, skill, on, user(request));
      return liveEffects.endorsement(tx, result, personId, result.name, user(request).id, on);
    });

  const serviceHandlers = {
    currentUser: (request: FastifyRequest) =>
      read(async (tx) => toPerson(tx, await requirePerson(tx, user(request).id), user(request).id)),
    getPeople: async (request: FastifyRequest) => {
      const { ids } = request.body as { ids: string[] };
      return { people: await lookupPeople(db, ids, user(request).id) };
    },
    searchPeople: (request: FastifyRequest) => {
      const q = query(request);
      return search.searchPeople(
        {
          text: q.text as string | undefined,
          skill: q.skill as string | undefined,
          department: q.department as string | undefined,
          membersOnly: q.membersOnly === true,
          limit: q.limit as number | undefined,
          cursor: q.cursor as string | undefined,
        },
        user(request).id,
      );
    },
    suggestSkills: async (request: FastifyRequest) => ({
      items: await search.suggestSkills(String(query(request).text)),
    }),
    endorseSkill: endorse(true),
    unendorseSkill: endorse(false),
    listKudos: (request: FastifyRequest) =>
      read((tx) => kudos.listKudos(tx, query(request) as never, user(request))),
    giveKudos: write(201, async (tx, request) =>
      liveEffects.kudos(tx, await kudos.giveKudos(tx, request.body as never, user(request))),
    ),
    listReactors: (request: FastifyRequest) =>
      read(async (tx) => ({
        items: await kudos.listReactors(tx, params(request).kudosId, params(request).reaction),
      })),
    addReaction: write(200, async (tx, request) =>
      liveEffects.reaction(
        tx,
        await kudos.react(tx, params(request).kudosId, params(request).reaction, true, user(request)),
      ),
    ),
    removeReaction: write(200, async (tx, request) =>
      liveEffects.reaction(
        tx,
        await kudos.react(tx, params(request).kudosId, params(request).reaction, false, user(request)),
      ),
    ),
    kudosValues: async () => ({ items: [...options.domain.kudosValues] }),
    listInvites: (request: FastifyRequest) =>
      read((tx) => invites.listInvites(tx, query(request) as never, user(request))),
    sendInvite: write(201, async (tx, request) =>
      queueMail(tx, await invites.sendInvite(tx, (request.body ?? {}) as never, user(request))),
    ),
    inviteQuota: (request: FastifyRequest) => read((tx) => invites.inviteQuota(tx, user(request))),
    resendInvite: write(200, async (tx, request) =>
      queueMail(tx, await invites.resendInvite(tx, params(request).inviteId, user(request))),
    ),
    revokeInvite: write(200, (tx, request) =>
      invites.revokeInvite(tx, params(request).inviteId, user(request)),
    ),
    createInviteLink: write(201, (tx, request) => invites.createInviteLink(tx, user(request))),
    lookupInvite: (request: FastifyRequest) =>
      read((tx) => invites.lookupInvite(tx, (request.body as { token: string }).token, user(request))),
    respondToInvite: write(200, (tx, request) => {
      const { token, accept } = request.body as { token: string; accept: boolean };
      return invites.respondToInvite(tx, token, accept, user(request)).then((r) => liveEffects.invite(tx, r));
    }),
    inviteTree: (request: FastifyRequest) => read((tx) => invites.inviteTree(tx, params(request).personId)),
    ambassadorProfile: (request: FastifyRequest) =>
      read((tx) => ambassadors.ambassadorProfile(tx, params(request).personId)),
    chooseAmbassadorRoles: write(200, (tx, request) =>
      ambassadors.chooseAmbassadorRoles(tx, (request.body as { roles: string[] }).roles, user(request)),
    ),
    recordEvidence: write(200, (tx, request) =>
      ambassadors.recordEvidence(tx, request.body as never, user(request)),
    ),
    listBadges: (request: FastifyRequest) =>
      read(async (tx) => ({ items: await ambassadors.listBadges(tx, params(request).personId) })),
    awardBadge: write(201, async (tx, request) => {
      const badge = await ambassadors.awardBadge(tx, request.body as never, user(request));
      await audit(tx, user(request).id, 'badge.award', badge.personId, {
        badge: badge.id,
        role: badge.role,
        level: badge.level,
      });
      return liveEffects.badge(tx, badge);
    }),
    revokeBadge: write(200, async (tx, request) => {
      const badge = await ambassadors.revokeBadge(tx, params(request).badgeId, user(request));
      await audit(tx, user(request).id, 'badge.revoke', badge.personId, {
        badge: badge.id,
        role: badge.role,
      });
      return liveEffects.badge(tx, badge);
    }),
    track: write(
      204,
      async (tx, request) => {
        await activity.track(tx, request.body as never, user(request));
        return undefined;
      },
      true,
    ),
    metrics: (request: FastifyRequest) => read((tx) => activity.metrics(tx, String(query(request).month))),
    streamEvents: (request: FastifyRequest, reply: FastifyReply) => live.handle(request, reply),
    pioneers: (request: FastifyRequest) =>
      read(async (tx) => ({ items: await activity.pioneers(tx, Number(query(request).limit ?? 10)) })),
  };

  await app.register(openapiGlue, {
    specification: loadContract(),
    serviceHandlers,
    prefix: apiPrefix,
  });

  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  healthRoutes(app, db, () => closing);
  if (options.scim)
    await app.register(scimRoutes(db, options.scim, { now, touched: domain.touched }), {
      prefix: '/scim/v2',
    });
  if (options.extraRoutes) await options.extraRoutes(app);

  // Expired idempotency keys and live events are forgotten hourly (and once at start).
  await live.start();
  app.addHook('preClose', () => live.stop());
  const prune = () => Promise.all([pruneIdempotency(db), live.prune()]).catch((error) => app.log.warn(error));
  void prune();
  const pruneTimer = setInterval(prune, 3_600_000);
  pruneTimer.unref();
  app.addHook('onClose', async () => clearInterval(pruneTimer));
  return app;
}
