/**
 * msw 2 handlers that implement the REST contract (`docs/api/openapi.yaml`) in memory, with any Backend
 * (normally the seeded demo backend) behind them. Shared by tests, Storybook and the benchmark.
 */
import { http, HttpResponse, type HttpHandler } from 'msw';
import type { Backend, WriteOptions } from '../../src/backends/backend.js';
import { createDemoBackend } from '../../src/backends/demo/index.js';
import { BackendError, type BackendErrorKind } from '../../src/errors.js';
import type { ActivityEvent, AmbassadorRole, ReactionType } from '../../src/model.js';
import { contractOperation, requestProblem, responseProblem } from './contract.js';

export interface RestHandlerOptions {
  /** The same base URL given to `createRestBackend`, e.g. `/api/kring`. */
  endpoint: string;
  /** What answers behind the HTTP surface. Default: an in-memory demo backend (not persisted). */
  backend?: Backend;
  /** Called for every request the handlers answer (request counting in tests and the bench). */
  onRequest?: (request: Request) => void;
  /**
   * Called when the mock answers outside `docs/api/openapi.yaml` (a bug in the mock; the answer becomes a
   * 500). Default: `console.error`. Tests pass a collector and expect none.
   */
  onContractViolation?: (message: string) => void;
}

/** How long a server keeps an idempotency key (the contract: 24 hours). */
const KEY_LIFETIME_MS = 24 * 60 * 60 * 1000;
/** The contract's `IdempotencyKey` header: `maxLength: 128`. */
const KEY_MAX_LENGTH = 128;

/** Real HTTP statuses only; a cancelled request gets no answer at all (see `errorResponse`). */
const STATUS_FOR_KIND: Record<Exclude<BackendErrorKind, 'aborted'>, number> = {
  network: 503,
  auth: 401,
  forbidden: 403,
  'not-found': 404,
  throttled: 429,
  invalid: 422,
  conflict: 409,
  server: 500,
};

type Resolver = (info: {
  request: Request;
  params: Record<string, string | readonly string[] | undefined>;
}) => Promise<Response>;

export function createRestHandlers(options: RestHandlerOptions): HttpHandler[] {
  const base = options.endpoint.replace(/\/+$/, '');
  const backend = options.backend ?? createDemoBackend({ persist: false, storage: null });
  /**
   * Idempotency, per user and key for 24 hours: the first result is replayed for repeats of the same
   * request; the same key on a different request is refused (422).
   */
  const stored = new Map<
    string,
    { request: string; at: number; outcome: Promise<{ status: number; body: unknown }> }
  >();

  const errorResponse = (error: unknown) => {
    const kind = error instanceof BackendError ? error.kind : 'server';
    if (kind === 'aborted') return HttpResponse.error();
    const message = error instanceof Error ? error.message : 'Something went wrong.';
    const code = error instanceof BackendError && error.code ? error.code : kind;
    return HttpResponse.json({ code, message }, { status: STATUS_FOR_KIND[kind] });
  };

  const read =
    (run: (request: Request, params: Record<string, string>, url: URL) => Promise<unknown>): Resolver =>
    async ({ request, params }) => {
      options.onRequest?.(request);
      try {
        const body = await run(request, params as Record<string, string>, new URL(request.url));
        return HttpResponse.json(body as never);
      } catch (error) {
        return errorResponse(error);
      }
    };

  const write =
    (
      successStatus: number,
      run: (
        write: WriteOptions,
        body: Record<string, unknown>,
        params: Record<string, string>,
      ) => Promise<unknown>,
    ): Resolver =>
    async ({ request, params }) => {
      options.onRequest?.(request);
      const key = request.headers.get('Idempotency-Key');
      if (!key) {
        return HttpResponse.json(
          { code: 'idempotency-key.missing', message: 'Writes need an Idempotency-Key header.' },
          { status: 400 },
        );
      }
      const text = await request.text();
      let body: Record<string, unknown> = {};
      try {
        body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
      } catch {
        return HttpResponse.json(
          { code: 'invalid.json', message: 'The request body is not JSON.' },
          { status: 400 },
        );
      }
      if (key.length > KEY_MAX_LENGTH) {
        return HttpResponse.json(
          {
            code: 'idempotency-key.invalid',
            message: `An Idempotency-Key has at most ${KEY_MAX_LENGTH} characters.`,
          },
          { status: 400 },
        );
      }
      let user = '';
      try {
        user = (await backend.currentUser()).id;
      } catch (error) {
        return errorResponse(error);
      }
      const now = Date.now();
      for (const [storedKey, entry] of stored) if (now - entry.at > KEY_LIFETIME_MS) stored.delete(storedKey);
      const storageKey = `${user} ${key}`;
      const fingerprint = `${request.method} ${new URL(request.url).pathname} ${text}`;
      let entry = stored.get(storageKey);
      if (entry && entry.request !== fingerprint) {
        return HttpResponse.json(
          {
            code: 'idempotency-key.reused',
            message: 'This Idempotency-Key was used for a different request.',
          },
          { status: 422 },
        );
      }
      if (!entry) {
        const outcome = run({ idempotencyKey: key }, body, params as Record<string, string>).then(
          (result) => ({ status: successStatus, body: result }),
          (error: unknown) => {
            stored.delete(storageKey); // a failed write may be tried again with the same key
            throw error;
          },
        );
        entry = { request: fingerprint, at: now, outcome };
        stored.set(storageKey, entry);
      }
      const outcome = entry.outcome;
      try {
        const { status, body: result } = await outcome;
        return HttpResponse.json(result as never, { status });
      } catch (error) {
        return errorResponse(error);
      }
    };

  const text = (url: URL, name: string) => url.searchParams.get(name) ?? undefined;
  const number = (url: URL, name: string) => {
    const value = url.searchParams.get(name);
    return value === null ? undefined : Number(value);
  };

  /**
   * One route of the contract: the request is checked against the operation the contract defines for this
   * method and path (400 when outside it, as a real server answers), and so is the answer.
   */
  const route = (
    method: 'get' | 'put' | 'post' | 'delete',
    path: string,
    resolver: Resolver,
    guard?: (request: Request) => Response | null,
  ): HttpHandler => {
    const operation = contractOperation(method, path);
    return http[method](`${base}${path}`, async ({ request, params }) => {
      const refused = guard?.(request);
      if (refused) {
        options.onRequest?.(request);
        return refused;
      }
      const problem = await requestProblem(operation, request, params);
      if (problem) {
        options.onRequest?.(request);
        return HttpResponse.json(
          { code: 'invalid.request', message: `${operation.id}: ${problem}.` },
          { status: 400 },
        );
      }
      const response = await resolver({ request, params });
      const violation = await responseProblem(operation, response);
      if (!violation) return response;
      const message = `The REST mock broke docs/api/openapi.yaml: ${operation.id} ${violation}.`;
      (options.onContractViolation ?? console.error)(message);
      return HttpResponse.json({ code: 'mock.contract-violation', message }, { status: 500 });
    });
  };

  return [
    route(
      'get',
      '/me',
      read(() => backend.currentUser()),
    ),
    route(
      'post',
      '/people/lookup',
      read(async (request) => {
        const { ids } = (await request.json()) as { ids?: unknown };
        if (!Array.isArray(ids)) throw new BackendError('invalid', 'Send { "ids": [...] }.');
        if (ids.length > 100) throw new BackendError('invalid', 'At most 100 ids per lookup.');
        return { people: await backend.getPeople(ids.map(String)) };
      }),
    ),
    route(
      'get',
      '/people/search',
      read((_request, _params, url) =>
        backend.searchPeople({
          text: text(url, 'text'),
          skill: text(url, 'skill'),
          department: text(url, 'department'),
          membersOnly: url.searchParams.get('membersOnly') === 'true',
          limit: number(url, 'limit'),
          cursor: text(url, 'cursor'),
        }),
      ),
    ),
    route(
      'get',
      '/skills/suggest',
      read(async (_request, _params, url) => ({
        items: await backend.suggestSkills(text(url, 'text') ?? ''),
      })),
    ),
    route(
      'put',
      '/people/:personId/skills/:skill/endorsement',
      write(200, (w, _body, params) => backend.endorseSkill(params.personId, params.skill, w)),
    ),
    route(
      'delete',
      '/people/:personId/skills/:skill/endorsement',
      write(200, (w, _body, params) => backend.unendorseSkill(params.personId, params.skill, w)),
    ),
    route(
      'get',
      '/kudos',
      read((_request, _params, url) =>
        backend.listKudos({
          person: text(url, 'person'),
          from: text(url, 'from'),
          department: text(url, 'department'),
          value: text(url, 'value'),
          limit: number(url, 'limit'),
          cursor: text(url, 'cursor'),
        }),
      ),
    ),
    route(
      'post',
      '/kudos',
      write(201, (w, body) =>
        backend.giveKudos(
          {
            to: Array.isArray(body.to) ? body.to.map(String) : [],
            value: typeof body.value === 'string' ? body.value : undefined,
            message: typeof body.message === 'string' ? body.message : '',
          },
          w,
        ),
      ),
    ),
    route(
      'get',
      '/kudos/:kudosId/reactions/:reaction',
      read(async (_request, params) => ({
        items: await backend.listReactors(params.kudosId, params.reaction as ReactionType),
      })),
    ),
    route(
      'put',
      '/kudos/:kudosId/reactions/:reaction',
      write(200, (w, _body, params) =>
        backend.react(params.kudosId, params.reaction as ReactionType, true, w),
      ),
    ),
    route(
      'delete',
      '/kudos/:kudosId/reactions/:reaction',
      write(200, (w, _body, params) =>
        backend.react(params.kudosId, params.reaction as ReactionType, false, w),
      ),
    ),
    route(
      'get',
      '/kudos-values',
      read(async () => ({ items: await backend.kudosValues() })),
    ),
    route(
      'get',
      '/invites/quota',
      read(() => backend.inviteQuota()),
    ),
    route(
      'get',
      '/invites',
      read((_request, _params, url) =>
        backend.listInvites({
          inviterId: text(url, 'inviterId'),
          limit: number(url, 'limit'),
          cursor: text(url, 'cursor'),
        }),
      ),
    ),
    route(
      'post',
      '/invites',
      write(201, (w, body) =>
        backend.sendInvite(
          {
            email: typeof body.email === 'string' ? body.email : undefined,
            personId: typeof body.personId === 'string' ? body.personId : undefined,
            message: typeof body.message === 'string' ? body.message : undefined,
          },
          w,
        ),
      ),
    ),
    route(
      'post',
      '/invites/:inviteId/resend',
      write(200, (w, _body, params) => backend.resendInvite(params.inviteId, w)),
    ),
    route(
      'post',
      '/invites/:inviteId/revoke',
      write(200, (w, _body, params) => backend.revokeInvite(params.inviteId, w)),
    ),
    route(
      'post',
      '/invite-links',
      write(201, (w) => backend.createInviteLink(w)),
    ),
    route(
      'post',
      '/invite-links/lookup',
      read(async (request) => {
        const body = (await request.json()) as { token?: unknown };
        return backend.lookupInvite(typeof body.token === 'string' ? body.token : '');
      }),
    ),
    route(
      'post',
      '/invite-links/response',
      write(200, (w, body) =>
        backend.respondToInvite(typeof body.token === 'string' ? body.token : '', body.accept === true, w),
      ),
    ),
    route(
      'get',
      '/people/:personId/invite-tree',
      read((_request, params) => backend.inviteTree(params.personId)),
    ),
    route(
      'get',
      '/people/:personId/ambassador',
      read((_request, params) => backend.ambassadorProfile(params.personId)),
    ),
    route(
      'put',
      '/me/ambassador/roles',
      write(200, (w, body) =>
        backend.chooseAmbassadorRoles(Array.isArray(body.roles) ? (body.roles as AmbassadorRole[]) : [], w),
      ),
    ),
    route(
      'post',
      '/ambassador/evidence',
      write(200, (w, body) =>
        backend.recordEvidence(
          {
            personId: String(body.personId ?? ''),
            role: body.role as AmbassadorRole,
            url: String(body.url ?? ''),
            description: typeof body.description === 'string' ? body.description : undefined,
          },
          w,
        ),
      ),
    ),
    route(
      'get',
      '/people/:personId/badges',
      read(async (_request, params) => ({ items: await backend.listBadges(params.personId) })),
    ),
    route(
      'post',
      '/badges',
      write(201, (w, body) =>
        backend.awardBadge(
          {
            personId: String(body.personId ?? ''),
            role: body.role as AmbassadorRole,
            level: body.level as never,
            evidence: Array.isArray(body.evidence) ? (body.evidence as never) : undefined,
          },
          w,
        ),
      ),
    ),
    route(
      'post',
      '/badges/:badgeId/revoke',
      write(200, (w, _body, params) => backend.revokeBadge(params.badgeId, w)),
    ),
    route(
      'post',
      '/activity',
      async ({ request }) => {
        options.onRequest?.(request);
        try {
          const body = JSON.parse(await request.text()) as { events?: Omit<ActivityEvent, 'actorId'>[] };
          const key = request.headers.get('Idempotency-Key');
          const storageKey = `activity ${key}`;
          if (!key || !stored.has(storageKey)) {
            if (key) {
              stored.set(storageKey, {
                request: 'activity',
                at: Date.now(),
                outcome: Promise.resolve({ status: 202, body: null }),
              });
            }
            // The actor is whoever is signed in, never a field the client sent.
            const actorId = (await backend.currentUser()).id;
            await backend.track((body.events ?? []).map((event) => ({ ...event, actorId })));
          }
          return new HttpResponse(null, { status: 202 });
        } catch (error) {
          return errorResponse(
            error instanceof SyntaxError ? new BackendError('invalid', 'Bad JSON.') : error,
          );
        }
      },
      // A cross-site form or beacon cannot set this header: without it, activity could be forged from
      // anywhere. Checked before the contract, as Kring Server does, so the answer is the contract's 403.
      (request) =>
        request.headers.get('X-Kring-Request') === '1'
          ? null
          : HttpResponse.json(
              { code: 'activity.cross-site', message: 'Activity needs the X-Kring-Request: 1 header.' },
              { status: 403 },
            ),
    ),
    route(
      'get',
      '/metrics',
      read((_request, _params, url) => backend.metrics({ month: text(url, 'month') ?? '' })),
    ),
    route(
      'get',
      '/pioneers',
      read(async (_request, _params, url) => ({
        items: await backend.pioneers({ limit: number(url, 'limit') }),
      })),
    ),
    // Live updates are optional in the contract; the imitation offers none (204), as a CMS may not.
    route('get', '/events', async ({ request }) => {
      options.onRequest?.(request);
      return new HttpResponse(null, { status: 204 });
    }),
  ];
}
