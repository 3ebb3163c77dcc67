/**
 * A small in-memory Backend for the growth elements' tests (invite, welcome, tree, ambassadors),
 * built on the same pure functions the demo backend uses. Other features reject with `invalid`.
 * Tests mount elements inside `<kring-community backend="…">` through `mountInCommunity`.
 */
import { fixture, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import type {
  Backend,
  BackendCapabilities,
  CallOptions,
  InviteListQuery,
  WriteOptions,
} from '../../src/backends/backend.js';
import { BackendError } from '../../src/errors.js';
import { registerBackend } from '../../src/backends/registry.js';
import type {
  AmbassadorProfile,
  AmbassadorRole,
  BadgeAward,
  BadgeAwardInput,
  EvidenceInput,
  Invite,
  InviteInput,
  InviteLink,
  InviteQuota,
  InviteTokenInfo,
  InviteTreeNode,
  Page,
  PeopleQuery,
  PeopleSearchResult,
  Person,
} from '../../src/model.js';
import { monthlyInviteQuota } from '../../src/invites/quota.js';
import { addDays, inviteTokenState } from '../../src/invites/token.js';
import { buildInviteTree } from '../../src/invites/tree.js';
import { computeRoleProgress } from '../../src/ambassadors/progress.js';
import { activeAwards, revokeAward } from '../../src/ambassadors/awards.js';
import type { AmbassadorActivity } from '../../src/ambassadors/criteria.js';
import '../../src/elements/community/define.js';

export function person(id: string, extra: Partial<Person> = {}): Person {
  return {
    id,
    name: `Person ${id}`,
    email: `${id}@acme.nl`,
    department: 'IT',
    skills: [],
    isManagement: false,
    isMember: true,
    joinedAt: '2026-01-01T00:00:00.000Z',
    links: [],
    ...extra,
  };
}

type GrowthMethod = keyof Backend;

let instances = 0;

export class GrowthFakeBackend implements Backend {
  readonly name = `growth-fake-${++instances}-${Date.now()}`;
  readonly capabilities: BackendCapabilities = {
    search: true,
    endorsements: false,
    kudos: false,
    reactions: false,
    invites: true,
    ambassadors: true,
    manageBadges: false,
    tracking: false,
    metrics: false,
  };
  now = new Date('2026-11-20T12:00:00.000Z');
  quotaLimit = 5;
  meId = 'me';
  people: Person[] = [
    person('me', { name: 'Mara Jansen', department: 'Communicatie' }),
    person('sanne', { name: 'Sanne de Wit', isMember: false, joinedAt: undefined }),
    person('piet', { name: 'Piet Bakker', department: 'HR' }),
  ];
  invites: Invite[] = [];
  tokens = new Map<string, string>();
  links = new Map<string, { inviterId: string; expiresAt: string }>();
  roles = new Map<string, AmbassadorRole[]>();
  evidence: EvidenceInput[] = [];
  awards: BadgeAward[] = [];
  activity = new Map<string, AmbassadorActivity>();
  /** Calls wait for these before answering (to hold an element in its loading state). */
  gates = new Map<GrowthMethod, Promise<unknown>>();
  /** Calls that reject (non-transient, so the client does not retry). */
  failures = new Map<GrowthMethod, BackendError>();
  calls: { method: GrowthMethod; args: unknown[] }[] = [];
  private counter = 0;

  private async enter(method: GrowthMethod, args: unknown[]): Promise<void> {
    this.calls.push({ method, args });
    const gate = this.gates.get(method);
    if (gate) await gate;
    const failure = this.failures.get(method);
    if (failure) throw failure;
  }

  private nextId(prefix: string): string {
    return `${prefix}-${++this.counter}`;
  }

  private find(id: string): Person | undefined {
    return this.people.find((candidate) => candidate.id === id || candidate.email === id);
  }

  // people
  async currentUser(): Promise<Person> {
    await this.enter('currentUser', []);
    return this.find(this.meId)!;
  }
  async getPeople(ids: readonly string[]): Promise<(Person | null)[]> {
    await this.enter('getPeople', [ids]);
    return ids.map((id) => this.find(id) ?? null);
  }
  async searchPeople(query: PeopleQuery): Promise<PeopleSearchResult> {
    await this.enter('searchPeople', [query]);
    const text = (query.text ?? '').toLowerCase();
    const items = this.people
      .filter((candidate) => candidate.name.toLowerCase().includes(text))
      .map((candidate) => ({ person: candidate, score: 1, evidence: [] }));
    return { items };
  }
  async suggestSkills(): Promise<string[]> {
    return [];
  }

  // invitations
  private inviteQuotaNow(): InviteQuota {
    return monthlyInviteQuota(this.invites, this.meId, this.quotaLimit, this.now);
  }
  async sendInvite(input: InviteInput, _options: WriteOptions): Promise<Invite> {
    await this.enter('sendInvite', [input]);
    if (this.inviteQuotaNow().remaining <= 0) throw new BackendError('forbidden', 'Monthly quota used up.');
    const invitee = input.personId ? this.find(input.personId) : undefined;
    const email = input.email ?? invitee?.email ?? '';
    if (this.invites.some((invite) => invite.email === email && invite.status === 'pending')) {
      throw new BackendError('conflict', 'Already invited.');
    }
    const invite: Invite = {
      id: this.nextId('invite'),
      inviterId: this.meId,
      email,
      inviteeId: invitee?.id,
      message: input.message,
      status: 'pending',
      createdAt: this.now.toISOString(),
      expiresAt: addDays(this.now, 14),
    };
    this.invites.unshift(invite);
    this.tokens.set(`token-${invite.id}`, invite.id);
    return invite;
  }
  async listInvites(query: InviteListQuery): Promise<Page<Invite>> {
    await this.enter('listInvites', [query]);
    return { items: this.invites.filter((invite) => invite.inviterId === (query.inviterId ?? this.meId)) };
  }
  async resendInvite(inviteId: string): Promise<Invite> {
    await this.enter('resendInvite', [inviteId]);
    const invite = this.invites.find((candidate) => candidate.id === inviteId)!;
    Object.assign(invite, { status: 'pending', expiresAt: addDays(this.now, 14) });
    return { ...invite };
  }
  async revokeInvite(inviteId: string): Promise<Invite> {
    await this.enter('revokeInvite', [inviteId]);
    const invite = this.invites.find((candidate) => candidate.id === inviteId)!;
    invite.status = 'revoked';
    return { ...invite };
  }
  async inviteQuota(): Promise<InviteQuota> {
    await this.enter('inviteQuota', []);
    return this.inviteQuotaNow();
  }
  async createInviteLink(): Promise<InviteLink> {
    await this.enter('createInviteLink', []);
    const token = this.nextId('link');
    const expiresAt = addDays(this.now, 30);
    this.links.set(token, { inviterId: this.meId, expiresAt });
    return { token, url: `https://intranet.acme.nl/welkom?invite=${token}`, expiresAt };
  }
  async lookupInvite(token: string): Promise<InviteTokenInfo> {
    await this.enter('lookupInvite', [token]);
    const link = this.links.get(token);
    if (link) {
      const state = new Date(link.expiresAt) <= this.now ? 'expired' : 'valid';
      return { state, inviter: this.find(link.inviterId) };
    }
    const invite = this.invites.find((candidate) => candidate.id === this.tokens.get(token));
    return {
      state: inviteTokenState(invite, this.now),
      invite,
      inviter: invite && this.find(invite.inviterId),
    };
  }
  async respondToInvite(token: string, accept: boolean): Promise<InviteTokenInfo> {
    await this.enter('respondToInvite', [token, accept]);
    const info = await this.lookupInvite(token);
    if (info.state !== 'valid') throw new BackendError('conflict', `Invitation is ${info.state}.`);
    const me = this.find(this.meId)!;
    if (info.invite) {
      info.invite.status = accept ? 'accepted' : 'declined';
      info.invite.respondedAt = this.now.toISOString();
    }
    if (accept)
      Object.assign(me, { isMember: true, invitedBy: info.inviter?.id, joinedAt: this.now.toISOString() });
    return { ...info, state: 'used' };
  }
  async inviteTree(personId: string): Promise<InviteTreeNode> {
    await this.enter('inviteTree', [personId]);
    return buildInviteTree(this.people, personId);
  }

  // ambassadors
  private profile(personId: string): AmbassadorProfile {
    const roles = this.roles.get(personId) ?? [];
    return {
      personId,
      roles,
      progress: computeRoleProgress(this.activity.get(personId) ?? {}),
      badges: this.awards.filter((award) => award.personId === personId),
    };
  }
  async ambassadorProfile(personId: string): Promise<AmbassadorProfile> {
    await this.enter('ambassadorProfile', [personId]);
    return this.profile(personId === 'me' ? this.meId : personId);
  }
  async chooseAmbassadorRoles(roles: readonly AmbassadorRole[]): Promise<AmbassadorProfile> {
    await this.enter('chooseAmbassadorRoles', [roles]);
    this.roles.set(this.meId, [...roles]);
    return this.profile(this.meId);
  }
  async recordEvidence(input: EvidenceInput): Promise<AmbassadorProfile> {
    await this.enter('recordEvidence', [input]);
    this.evidence.push(input);
    const key = input.role === 'presenter' ? 'presentations' : 'articles';
    const activity = { ...(this.activity.get(input.personId) ?? {}) };
    activity[key] = (activity[key] ?? 0) + 1;
    this.activity.set(input.personId, activity);
    return this.profile(input.personId);
  }
  async listBadges(personId: string): Promise<BadgeAward[]> {
    await this.enter('listBadges', [personId]);
    return this.awards.filter((award) => award.personId === personId);
  }
  async awardBadge(input: BadgeAwardInput): Promise<BadgeAward> {
    await this.enter('awardBadge', [input]);
    if (!this.capabilities.manageBadges) throw new BackendError('forbidden', 'Not a community manager.');
    const award: BadgeAward = {
      id: this.nextId('badge'),
      personId: input.personId,
      role: input.role,
      level: input.level,
      awardedAt: this.now.toISOString(),
      awardedBy: this.meId,
      criteriaMet: [],
      evidence: input.evidence ?? [],
    };
    this.awards.push(award);
    return award;
  }
  async revokeBadge(badgeId: string): Promise<BadgeAward> {
    await this.enter('revokeBadge', [badgeId]);
    if (!this.capabilities.manageBadges) throw new BackendError('forbidden', 'Not a community manager.');
    const index = this.awards.findIndex((award) => award.id === badgeId);
    this.awards[index] = revokeAward(this.awards[index], this.now);
    return this.awards[index];
  }
  /** Badges that hold, for assertions. */
  heldBadges(personId: string): BadgeAward[] {
    return activeAwards(this.awards.filter((award) => award.personId === personId));
  }

  // everything else is outside these tests
  private unsupported(method: string): Promise<never> {
    return Promise.reject(new BackendError('invalid', `${method} is not part of the growth fake.`));
  }
  endorseSkill() {
    return this.unsupported('endorseSkill');
  }
  unendorseSkill() {
    return this.unsupported('unendorseSkill');
  }
  listKudos() {
    return this.unsupported('listKudos');
  }
  giveKudos() {
    return this.unsupported('giveKudos');
  }
  react() {
    return this.unsupported('react');
  }
  listReactors() {
    return this.unsupported('listReactors');
  }
  kudosValues() {
    return this.unsupported('kudosValues');
  }
  async track(_events: unknown, _options?: CallOptions): Promise<void> {}
  metrics() {
    return this.unsupported('metrics');
  }
  pioneers() {
    return this.unsupported('pioneers');
  }
}

/** A promise the test settles by hand. */
/**
 * Sanne (not a member yet) signed in, holding a pending invitation `inv-1` from Mara ("me" in the seed),
 * reachable with the token `tok-1`: what the welcome page is opened with.
 */
export function invitedBackend(
  overrides: Partial<Invite> = {},
  backend: GrowthFakeBackend = new GrowthFakeBackend(),
): GrowthFakeBackend {
  backend.meId = 'sanne';
  backend.invites.push({
    id: 'inv-1',
    inviterId: 'me',
    email: 'sanne@acme.nl',
    inviteeId: 'sanne',
    status: 'pending',
    createdAt: '2026-11-15T10:00:00.000Z',
    expiresAt: '2026-11-29T10:00:00.000Z',
    ...overrides,
  });
  backend.tokens.set('tok-1', 'inv-1');
  return backend;
}

export function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

/**
 * Renders `inner` inside `<kring-community>` wired to the fake backend and waits until the first
 * child has received its client. Returns that child.
 */
export async function mountInCommunity<T extends HTMLElement>(
  backend: GrowthFakeBackend,
  inner: TemplateResult,
  options: { lang?: string } = {},
): Promise<T> {
  registerBackend(backend.name, () => backend);
  const community = await fixture<HTMLElement>(
    html`<kring-community
      backend=${backend.name}
      lang=${options.lang ?? 'en'}
      organization-name="Acme"
      organization-url="https://acme.nl"
      tracking="off"
      >${inner}</kring-community
    >`,
  );
  const element = community.firstElementChild as T;
  await waitUntil(
    () => (element as unknown as { client?: unknown }).client !== undefined,
    'the element received a client',
  );
  // Rendered: an element shows nothing until the strings of its language (say Dutch) have loaded.
  await (element as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
  return element;
}

/** Text content of a shadow root, whitespace collapsed. */
export function shadowText(element: Element): string {
  return (element.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
