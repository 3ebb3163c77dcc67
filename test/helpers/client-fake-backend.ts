/**
 * Hand-written test doubles for the CommunityClient tests: a Backend that counts every call,
 * timers the test fires by hand, and an in-memory Storage.
 */
import {
  ALL_CAPABILITIES,
  type Backend,
  type CallOptions,
  type WriteOptions,
} from '../../src/backends/backend.js';

import { BackendError } from '../../src/errors.js';
import { CommunityClient, createClient } from '../../src/client/community-client.js';
import type { ClientOptions } from '../../src/client/types.js';
import type { ActivityEvent, Kudos, KudosInput, Person, Skill } from '../../src/model.js';

export function makePerson(id: string, extra: Partial<Person> = {}): Person {
  return {
    id,
    name: `Person ${id}`,
    email: `${id}@example.nl`,
    skills: [{ name: 'TypeScript', level: 'expert', tags: [], endorsements: 1, endorsedByMe: false }],
    isManagement: false,
    links: [],
    ...extra,
  };
}

type Method = keyof Backend;
type Failure = BackendError | ((...args: unknown[]) => BackendError | undefined);

export class Deferred<T = void> {
  promise: Promise<T>;
  resolve!: (value: T) => void;
  constructor() {
    this.promise = new Promise<T>((resolve) => (this.resolve = resolve));
  }
}

/** A fake adapter: people 'p0'…'p{n-1}', call log per method, scripted failures, optional gates. */
export class FakeBackend implements Backend {
  readonly name = 'fake';
  readonly capabilities = { ...ALL_CAPABILITIES };
  readonly people = new Map<string, Person>();
  me = makePerson('p0', { name: 'Me Myself' });
  /** Every call: method name and arguments (options included). */
  readonly log: { method: Method; args: unknown[] }[] = [];
  /** Kudos stored by idempotency key, as a server that honours the key would. */
  readonly kudosByKey = new Map<string, Kudos>();
  readonly tracked: ActivityEvent[][] = [];
  private readonly failures = new Map<Method, Failure[]>();
  /** When set, `getPeople` waits for this before answering. */
  peopleGate?: Deferred;
  private counter = 0;

  constructor(size = 300) {
    for (let index = 0; index < size; index++) this.people.set(`p${index}`, makePerson(`p${index}`));
    this.people.set('p0', this.me);
  }

  calls(method: Method): { method: Method; args: unknown[] }[] {
    return this.log.filter((entry) => entry.method === method);
  }

  /** The next calls of `method` fail with these errors, one each, in order. */
  failNext(method: Method, ...errors: Failure[]): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), ...errors]);
  }

  /** Every call of `method` fails with this error until `recover`. */
  failAlways(method: Method, error: BackendError): void {
    this.failures.set(method, [() => error]);
    this.sticky.add(method);
  }

  recover(method: Method): void {
    this.failures.delete(method);
    this.sticky.delete(method);
  }

  private readonly sticky = new Set<Method>();

  private async enter(method: Method, args: unknown[]): Promise<void> {
    this.log.push({ method, args });
    const queue = this.failures.get(method);
    const failure = this.sticky.has(method) ? queue?.[0] : queue?.shift();
    const error = typeof failure === 'function' ? failure(...args) : failure;
    if (error) throw error;
  }

  async currentUser(options?: CallOptions): Promise<Person> {
    await this.enter('currentUser', [options]);
    return this.me;
  }

  async getPeople(ids: readonly string[], options?: CallOptions): Promise<(Person | null)[]> {
    await this.enter('getPeople', [ids, options]);
    if (this.peopleGate) await this.peopleGate.promise;
    if (options?.signal?.aborted) throw new BackendError('aborted', 'cancelled');
    const byEmail = new Map([...this.people.values()].map((person) => [person.email?.toLowerCase(), person]));
    return ids.map((id) => this.people.get(id) ?? byEmail.get(id.toLowerCase()) ?? null);
  }

  async searchPeople(query: { text?: string }, options?: CallOptions) {
    await this.enter('searchPeople', [query, options]);
    const items = [...this.people.values()]
      .filter((person) => person.name.includes(query.text ?? ''))
      .slice(0, 5)
      .map((person) => ({ person, score: 1, evidence: [] }));
    return { items };
  }

  async suggestSkills(text: string, options?: CallOptions): Promise<string[]> {
    await this.enter('suggestSkills', [text, options]);
    return ['TypeScript'].filter((skill) => skill.includes(text));
  }

  async endorseSkill(personId: string, skill: string, options: WriteOptions): Promise<Skill> {
    await this.enter('endorseSkill', [personId, skill, options]);
    return { name: skill, level: 'expert', tags: [], endorsements: 2, endorsedByMe: true };
  }

  async unendorseSkill(personId: string, skill: string, options: WriteOptions): Promise<Skill> {
    await this.enter('unendorseSkill', [personId, skill, options]);
    return { name: skill, level: 'expert', tags: [], endorsements: 0, endorsedByMe: false };
  }

  async listKudos(query: object, options?: CallOptions) {
    await this.enter('listKudos', [query, options]);
    return { items: [...this.kudosByKey.values()], total: this.kudosByKey.size, version: ++this.counter };
  }

  async giveKudos(input: KudosInput, options: WriteOptions): Promise<Kudos> {
    await this.enter('giveKudos', [input, options]);
    const existing = this.kudosByKey.get(options.idempotencyKey);
    if (existing) return existing;
    const kudos: Kudos = {
      id: `k${this.kudosByKey.size + 1}`,
      from: this.me.id,
      to: input.to,
      message: input.message,
      createdAt: new Date().toISOString(),
      reactions: [],
    };
    this.kudosByKey.set(options.idempotencyKey, kudos);
    for (const id of input.to) {
      const person = this.people.get(id);
      if (person) this.people.set(id, { ...person, kudosReceived: (person.kudosReceived ?? 0) + 1 });
    }
    return kudos;
  }

  async react(kudosId: string, reaction: 'thanks', on: boolean, options: WriteOptions): Promise<Kudos> {
    await this.enter('react', [kudosId, reaction, on, options]);
    return { id: kudosId, from: 'p1', to: ['p2'], message: 'x', createdAt: '', reactions: [] };
  }

  async listReactors(kudosId: string, reaction: string, options?: CallOptions): Promise<string[]> {
    await this.enter('listReactors', [kudosId, reaction, options]);
    return ['p1'];
  }

  async kudosValues(options?: CallOptions): Promise<string[]> {
    await this.enter('kudosValues', [options]);
    return ['Samen sterk'];
  }

  private invite(id: string) {
    return {
      id,
      inviterId: this.me.id,
      email: 'new@example.nl',
      status: 'pending' as const,
      createdAt: '2026-11-01T00:00:00.000Z',
      expiresAt: '2026-12-01T00:00:00.000Z',
    };
  }

  async sendInvite(input: object, options: WriteOptions) {
    await this.enter('sendInvite', [input, options]);
    return this.invite('i1');
  }

  async listInvites(query: object, options?: CallOptions) {
    await this.enter('listInvites', [query, options]);
    return { items: [this.invite('i0')] };
  }

  async resendInvite(inviteId: string, options: WriteOptions) {
    await this.enter('resendInvite', [inviteId, options]);
    return this.invite(inviteId);
  }

  async revokeInvite(inviteId: string, options: WriteOptions) {
    await this.enter('revokeInvite', [inviteId, options]);
    return { ...this.invite(inviteId), status: 'revoked' as const };
  }

  async inviteQuota(options?: CallOptions) {
    await this.enter('inviteQuota', [options]);
    return { limit: 5, used: 1, remaining: 4, resetsAt: '2026-12-01T00:00:00.000Z' };
  }

  async createInviteLink(options: WriteOptions) {
    await this.enter('createInviteLink', [options]);
    return { token: 't1', url: 'https://example.invalid/join/t1', expiresAt: '2026-12-01T00:00:00.000Z' };
  }

  async lookupInvite(token: string, options?: CallOptions) {
    await this.enter('lookupInvite', [token, options]);
    return { state: 'valid' as const };
  }

  async respondToInvite(token: string, accept: boolean, options: WriteOptions) {
    await this.enter('respondToInvite', [token, accept, options]);
    return { state: 'used' as const };
  }

  async inviteTree(personId: string, options?: CallOptions) {
    await this.enter('inviteTree', [personId, options]);
    return { personId, children: [] };
  }

  private profile(personId: string) {
    return { personId, roles: [], progress: [], badges: [] };
  }

  async ambassadorProfile(personId: string, options?: CallOptions) {
    await this.enter('ambassadorProfile', [personId, options]);
    return this.profile(personId);
  }

  async chooseAmbassadorRoles(roles: readonly string[], options: WriteOptions) {
    await this.enter('chooseAmbassadorRoles', [roles, options]);
    return { ...this.profile(this.me.id), roles: [...roles] as 'writer'[] };
  }

  async recordEvidence(input: { personId: string }, options: WriteOptions) {
    await this.enter('recordEvidence', [input, options]);
    return this.profile(input.personId);
  }

  private badge(personId: string) {
    return {
      id: 'b1',
      personId,
      role: 'writer' as const,
      level: 'starter' as const,
      awardedAt: '2026-11-01T00:00:00.000Z',
      awardedBy: 'system',
      criteriaMet: [],
      evidence: [],
    };
  }

  async listBadges(personId: string, options?: CallOptions) {
    await this.enter('listBadges', [personId, options]);
    return [this.badge(personId)];
  }

  async awardBadge(input: { personId: string }, options: WriteOptions) {
    await this.enter('awardBadge', [input, options]);
    return this.badge(input.personId);
  }

  async revokeBadge(badgeId: string, options: WriteOptions) {
    await this.enter('revokeBadge', [badgeId, options]);
    return { ...this.badge('p1'), id: badgeId, revokedAt: '2026-11-02T00:00:00.000Z' };
  }

  async track(events: readonly ActivityEvent[], options?: CallOptions): Promise<void> {
    await this.enter('track', [events, options]);
    this.tracked.push([...events]);
  }

  async metrics(query: { month: string }, options?: CallOptions) {
    await this.enter('metrics', [query, options]);
    return { month: query.month } as never;
  }

  async pioneers(query: { limit?: number }, options?: CallOptions) {
    await this.enter('pioneers', [query, options]);
    return [];
  }
}

/**
 * Timers under the test's control. `auto` timers run on the next real tick (so retries finish
 * fast) but their requested delays are still recorded; otherwise they wait for `fireAll`.
 */
export class TestTimers {
  readonly delays: number[] = [];
  private readonly waiting = new Map<number, { callback: () => void; ms: number; real?: number }>();
  private nextId = 1;

  constructor(private readonly auto = false) {}

  readonly setTimeout = (callback: () => void, ms: number): number => {
    const id = this.nextId++;
    this.delays.push(ms);
    const timer: { callback: () => void; ms: number; real?: number } = { callback, ms };
    if (this.auto) {
      timer.real = window.setTimeout(() => {
        this.waiting.delete(id);
        callback();
      }, 0);
    }
    this.waiting.set(id, timer);
    return id;
  };

  readonly clearTimeout = (id: number): void => {
    const timer = this.waiting.get(id);
    if (timer?.real !== undefined) window.clearTimeout(timer.real);
    this.waiting.delete(id);
  };

  /** Delays of the timers not yet fired. */
  get pending(): number[] {
    return [...this.waiting.values()].map((timer) => timer.ms);
  }

  fireAll(): void {
    const due = [...this.waiting.values()];
    this.waiting.clear();
    for (const timer of due) timer.callback();
  }
}

/** A fresh Storage per test, so tests never share an outbox. */
export class MemoryStorage implements Storage {
  private readonly data = new Map<string, string>();
  get length(): number {
    return this.data.size;
  }
  clear(): void {
    this.data.clear();
  }
  getItem(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.data.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.data.delete(key);
  }
  setItem(key: string, value: string): void {
    this.data.set(key, String(value));
  }
}

export const networkError = (): BackendError =>
  new BackendError('network', 'The server could not be reached.');

const clients: CommunityClient[] = [];

/** A client over `backend` for a test: no storage, no window events, no batch wait. */
export function newClient(backend: FakeBackend, options: ClientOptions = {}): CommunityClient {
  const client = createClient(backend, { storage: null, eventTarget: null, batchWindowMs: 0, ...options });
  clients.push(client);
  return client;
}

/** Disposes every client `newClient` made (use in `afterEach`). */
export function disposeClients(): void {
  for (const client of clients.splice(0)) client.dispose();
}

/** The idempotency keys `backend` received for `method`, in call order (a replay repeats its key). */
export function idempotencyKeys(backend: FakeBackend, method: Method): string[] {
  return backend.calls(method).map((call) => (call.args.at(-1) as WriteOptions).idempotencyKey);
}

/** Every write stored in `storage` under the outbox's keys (of `storageKey` when given), whatever the user. */
export function storedOutboxEntries(storage: Storage, storageKey = ''): { id: string }[] {
  const prefix = `kring.outbox.${storageKey && `${storageKey}:`}`;
  return [...Array(storage.length).keys()]
    .map((index) => storage.key(index)!)
    .filter((key) => key.startsWith(prefix))
    .flatMap((key) => JSON.parse(storage.getItem(key)!) as { id: string }[]);
}

/** Options for a client that loads the outbox code when needed (as `<kring-community>` does), own storage key. */
export const lazyOutboxOptions = (storage: Storage): ClientOptions => ({
  storage,
  storageKey: `lazy-${Math.random()}`,
  loadOutbox: 'when-needed',
  tracking: false,
});
