/**
 * The demo backend's mutable state: the generated data indexed for the domain modules, and what their
 * writes changed. Which writes persist, and how, is `OpLog`'s job (./op-log.ts).
 */
import { DEMO_STORAGE_PREFIX } from './storage-key.js';
import { defaultStorage, OpLog, type StorageLike } from './op-log.js';
import type { ActivityEvent, BadgeAward, IsoDateTime, ReactionType } from '../../model.js';
import {
  generateActivity,
  generateDemoData,
  generateHistory,
  type DemoHistory,
  type AmbassadorChoice,
  type DemoData,
  type DemoPersonRecord,
  type EndorsementRecord,
  type EvidenceRecord,
  type InviteLinkRecord,
  type InviteRecord,
  type KudosRecord,
  type ReactionRecord,
} from './seed.js';

export type { StorageLike } from './op-log.js';

export interface StoreOptions {
  seed: string | number;
  size: number;
  now: () => Date;
  /** False keeps writes in memory only. */
  persist: boolean;
  /** Where writes persist; default `localStorage` when the page has one. */
  storage?: StorageLike | null;
  /** Whose writes these are: each demo user keeps their own (one browser profile, several people). */
  owner?: string;
}

/** Part of the storage key: bumped when generation changes, so old deltas are not replayed on new data. */
export const DATA_VERSION = 2;

/** Up to this size kudos and reactions are generated at once; above it on first use. */
export const EAGER_HISTORY_MAX_SIZE = 5000;

export function skillKey(skill: string): string {
  return skill.trim().toLowerCase();
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export class DemoStore {
  readonly data: DemoData;
  /** How long generating the data took, ms. */
  readonly generationMs: number;
  readonly storageKey: string;
  readonly now: () => Date;

  readonly people = new Map<string, DemoPersonRecord>();
  readonly peopleByEmail = new Map<string, DemoPersonRecord>();
  /** person id → endorsements they received (a handful each, so scans are cheap). */
  private readonly endorsementsReceived = new Map<string, EndorsementRecord[]>();
  /** endorser id → endorsements they gave; built on first use. */
  private endorsementsGiven?: Map<string, EndorsementRecord[]>;
  private kudosList?: KudosRecord[];
  private readonly kudosById = new Map<string, KudosRecord>();
  private history?: DemoHistory;
  /** How long generating kudos and reactions took, ms (0 until they are generated). */
  historyMs = 0;
  /** kudos id → its reactions. */
  private readonly reactions = new Map<string, ReactionRecord[]>();
  /** person id → number of reactions they gave; built on first use. */
  private reactionsGiven?: Map<string, number>;
  readonly invites: InviteRecord[];
  readonly invitesById = new Map<string, InviteRecord>();
  readonly invitesByToken = new Map<string, InviteRecord>();
  readonly inviteLinks = new Map<string, InviteLinkRecord>();
  readonly ambassadorRoles = new Map<string, AmbassadorChoice>();
  readonly evidence: EvidenceRecord[];
  readonly badges: BadgeAward[];
  readonly badgesById = new Map<string, BadgeAward>();
  readonly trackedEvents: ActivityEvent[] = [];
  /** Bumped on every applied operation, for caches that depend on the state. */
  version = 0;

  private generatedEvents?: ActivityEvent[];
  private kudosReceivedCounts?: Map<string, number>;
  private readonly oplog: OpLog;

  constructor(options: StoreOptions) {
    this.now = options.now;
    const started = performance.now();
    this.data = generateDemoData({ seed: options.seed, size: options.size, now: options.now() });
    this.storageKey = `${DEMO_STORAGE_PREFIX}v${DATA_VERSION}:${this.data.seed}:${this.data.size}:${encodeURIComponent(options.owner ?? 'default')}`;
    this.oplog = new OpLog(
      options.persist ? (options.storage === undefined ? defaultStorage() : options.storage) : null,
      this.storageKey,
      () => this.version++,
    );

    for (const person of this.data.people) {
      this.people.set(person.id, person);
      this.peopleByEmail.set(person.email.toLowerCase(), person);
    }
    for (const endorsement of this.data.endorsements) this.addEndorsement(endorsement);
    // The store's lists are copies and changed records are replaced, never mutated, so `data`
    // stays the pristine generated set that lazily generated activity is derived from.
    this.invites = this.data.invites.slice();
    for (const invite of this.invites) this.indexInvite(invite);
    for (const link of this.data.inviteLinks) this.inviteLinks.set(link.token, link);
    for (const choice of this.data.ambassadors) this.ambassadorRoles.set(choice.personId, choice);
    this.evidence = this.data.evidence.slice();
    this.badges = this.data.badges.slice();
    for (const badge of this.badges) this.badgesById.set(badge.id, badge);
    this.generationMs = performance.now() - started;
    if (this.data.size <= EAGER_HISTORY_MAX_SIZE) this.ensureHistory();
  }

  // ------------------------------------------------------------ operations and persistence (see OpLog)

  /**
   * Registers a named write. The returned function applies it now and logs it for persistence;
   * on load, logged payloads are applied again through the same function. Payloads must be JSON.
   */
  defineOp<Payload>(name: string, apply: (payload: Payload) => void): (payload: Payload) => void {
    return this.oplog.define(name, apply);
  }

  /** Replays the persisted delta; call once after every module has defined its operations. */
  restore(): void {
    this.oplog.restore();
  }

  /**
   * Runs a write once per idempotency key: a repeat returns (a copy of) the first result and
   * changes nothing. Failed writes are not remembered, so they can be retried.
   */
  idempotent<T>(key: string, run: () => T): T {
    return this.oplog.idempotent(key, run);
  }

  /** Forgets every persisted write (the next load starts from the generated data). */
  clearPersisted(): void {
    this.oplog.clear();
  }

  /** How many writes are in the persisted delta. */
  get deltaSize(): number {
    return this.oplog.size;
  }

  // ------------------------------------------------------------ shared helpers for the domain modules

  /** A new unique id for a record created by a write. */
  newId(prefix: string): string {
    const random = Math.random().toString(36).slice(2, 8);
    return `${prefix}-${this.now().getTime().toString(36)}${random}`;
  }

  nowIso(): IsoDateTime {
    return this.now().toISOString();
  }

  /** A person by id or e-mail (case-insensitive). */
  findPerson(idOrEmail: string): DemoPersonRecord | undefined {
    return this.people.get(idOrEmail) ?? this.peopleByEmail.get(idOrEmail.trim().toLowerCase());
  }

  updatePerson(
    id: string,
    patch: Partial<Pick<DemoPersonRecord, 'isMember' | 'joinedAt' | 'invitedBy'>>,
  ): void {
    const person = this.people.get(id);
    if (!person) return;
    const updated = { ...person, ...patch };
    this.people.set(id, updated);
    this.peopleByEmail.set(updated.email.toLowerCase(), updated);
  }

  /** How many colleagues endorsed a person's skill, and whether `viewerId` is one of them. */
  endorsementsOf(personId: string, skill: string, viewerId: string): { count: number; byViewer: boolean } {
    const key = skillKey(skill);
    let count = 0;
    let byViewer = false;
    for (const record of this.endorsementsReceived.get(personId) ?? []) {
      if (skillKey(record.skill) !== key) continue;
      count++;
      if (record.endorserId === viewerId) byViewer = true;
    }
    return { count, byViewer };
  }

  /** Endorsements given by a person. */
  endorsementsBy(endorserId: string): readonly EndorsementRecord[] {
    if (!this.endorsementsGiven) {
      this.endorsementsGiven = new Map();
      for (const record of this.allEndorsements()) pushTo(this.endorsementsGiven, record.endorserId, record);
    }
    return this.endorsementsGiven.get(endorserId) ?? [];
  }

  addEndorsement(record: EndorsementRecord): void {
    pushTo(this.endorsementsReceived, record.personId, record);
    if (this.endorsementsGiven) pushTo(this.endorsementsGiven, record.endorserId, record);
  }

  removeEndorsement(personId: string, skill: string, endorserId: string): void {
    const key = skillKey(skill);
    const matches = (record: EndorsementRecord) =>
      !(record.personId === personId && record.endorserId === endorserId && skillKey(record.skill) === key);
    const received = this.endorsementsReceived.get(personId);
    if (received) this.endorsementsReceived.set(personId, received.filter(matches));
    const given = this.endorsementsGiven?.get(endorserId);
    if (given) this.endorsementsGiven!.set(endorserId, given.filter(matches));
  }

  /** Every endorsement record, for metrics and pioneers. */
  *allEndorsements(): IterableIterator<EndorsementRecord> {
    for (const received of this.endorsementsReceived.values()) yield* received;
  }

  /** Kudos, oldest first. Generating them is deferred until first use for large companies. */
  get kudos(): KudosRecord[] {
    return this.ensureHistory();
  }

  /** Whether kudos and reactions exist yet (always for sizes up to 5,000). */
  get historyReady(): boolean {
    return this.kudosList !== undefined;
  }

  /** The generated kudos and reactions (pristine, without writes). */
  generatedHistory(): DemoHistory {
    this.ensureHistory();
    return this.history!;
  }

  findKudos(id: string): KudosRecord | undefined {
    this.ensureHistory();
    return this.kudosById.get(id);
  }

  private ensureHistory(): KudosRecord[] {
    if (this.kudosList) return this.kudosList;
    const started = performance.now();
    this.history = generateHistory(this.data);
    const kudos = (this.kudosList = this.history.kudos.slice());
    for (const item of kudos) this.kudosById.set(item.id, item);
    for (const reaction of this.history.reactions) this.addReaction(reaction);
    this.historyMs = performance.now() - started;
    return kudos;
  }

  addKudos(record: KudosRecord): void {
    // Keep the list sorted by time; new kudos almost always go at the end.
    let index = this.kudos.length;
    while (index > 0 && this.kudos[index - 1].createdAt > record.createdAt) index--;
    this.kudos.splice(index, 0, record);
    this.kudosById.set(record.id, record);
    if (this.kudosReceivedCounts)
      for (const id of record.to)
        this.kudosReceivedCounts.set(id, (this.kudosReceivedCounts.get(id) ?? 0) + 1);
  }

  /** All-time kudos received by a person (counted once, then kept up to date). */
  kudosReceivedCount(personId: string): number {
    if (!this.kudosReceivedCounts) {
      this.kudosReceivedCounts = new Map();
      for (const item of this.kudos)
        for (const id of item.to)
          this.kudosReceivedCounts.set(id, (this.kudosReceivedCounts.get(id) ?? 0) + 1);
    }
    return this.kudosReceivedCounts.get(personId) ?? 0;
  }

  reactionsOf(kudosId: string): readonly ReactionRecord[] {
    this.ensureHistory();
    return this.reactions.get(kudosId) ?? [];
  }

  hasReacted(kudosId: string, personId: string, type: ReactionType): boolean {
    return this.reactionsOf(kudosId).some((record) => record.personId === personId && record.type === type);
  }

  /** Adds a reaction unless the person already reacted that way. */
  addReaction(record: ReactionRecord): void {
    if (this.hasReacted(record.kudosId, record.personId, record.type)) return;
    pushTo(this.reactions, record.kudosId, record);
    this.reactionsGiven?.set(record.personId, (this.reactionsGiven.get(record.personId) ?? 0) + 1);
  }

  removeReaction(kudosId: string, personId: string, type: ReactionType): void {
    if (!this.hasReacted(kudosId, personId, type)) return;
    this.reactions.set(
      kudosId,
      this.reactionsOf(kudosId).filter((record) => record.personId !== personId || record.type !== type),
    );
    this.reactionsGiven?.set(personId, Math.max(0, (this.reactionsGiven.get(personId) ?? 1) - 1));
  }

  /** How many reactions a person gave. */
  reactionCountBy(personId: string): number {
    this.ensureHistory();
    if (!this.reactionsGiven) {
      this.reactionsGiven = new Map();
      for (const list of this.reactions.values()) {
        for (const record of list)
          this.reactionsGiven.set(record.personId, (this.reactionsGiven.get(record.personId) ?? 0) + 1);
      }
    }
    return this.reactionsGiven.get(personId) ?? 0;
  }

  addInvite(record: InviteRecord): void {
    this.invites.push(record);
    this.indexInvite(record);
  }

  updateInvite(
    id: string,
    patch: Partial<Omit<InviteRecord, 'id' | 'token' | 'inviterId'>>,
  ): InviteRecord | undefined {
    const invite = this.invitesById.get(id);
    if (!invite) return undefined;
    const updated = { ...invite, ...patch };
    this.invites[this.invites.indexOf(invite)] = updated;
    this.indexInvite(updated);
    return updated;
  }

  private indexInvite(record: InviteRecord): void {
    this.invitesById.set(record.id, record);
    this.invitesByToken.set(record.token, record);
  }

  addBadge(badge: BadgeAward): void {
    this.badges.push(badge);
    this.badgesById.set(badge.id, badge);
  }

  updateBadge(id: string, patch: Partial<Pick<BadgeAward, 'revokedAt'>>): BadgeAward | undefined {
    const badge = this.badgesById.get(id);
    if (!badge) return undefined;
    const updated = { ...badge, ...patch };
    this.badges[this.badges.indexOf(badge)] = updated;
    this.badgesById.set(id, updated);
    return updated;
  }

  /** Generated plus tracked activity. Generated lazily: it is large and only metrics need it. */
  activityEvents(): { generated: readonly ActivityEvent[]; tracked: readonly ActivityEvent[] } {
    this.generatedEvents ??= generateActivity(this.data, this.generatedHistory());
    return { generated: this.generatedEvents, tracked: this.trackedEvents };
  }
}
