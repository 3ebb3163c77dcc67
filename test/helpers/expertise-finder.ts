/**
 * A small fake CommunityClient for the expertise tests: searches a fixed set of people with the
 * real index, lets a test hold or fail responses, and records every call.
 */
import { ContextProvider } from '@lit/context';
import { clientContext } from '../../src/context.js';
import type { ChangeListener, ClientChange, CommunityClientApi } from '../../src/client/types.js';
import type { CallOptions } from '../../src/backends/backend.js';
import { BackendError } from '../../src/errors.js';
import type {
  ActivityEvent,
  PeopleQuery,
  PeopleSearchResult,
  Person,
  Skill,
  SkillLevel,
  SkillTag,
} from '../../src/model.js';
import { PeopleIndex } from '../../src/search/index.js';

export function skill(
  name: string,
  level: SkillLevel = 'practitioner',
  endorsements = 0,
  tags: SkillTag[] = [],
): Skill {
  return { name, level, endorsements, tags, endorsedByMe: false };
}

export function person(id: string, name: string, fields: Partial<Person> = {}): Person {
  return { id, name, skills: [], isManagement: false, links: [], ...fields };
}

export const PEOPLE: Person[] = [
  person('p1', 'Anna Müller', {
    title: 'Data analyst',
    department: 'Finance',
    skills: [skill('Power BI', 'expert', 12, ['ableToMentor', 'askMeAbout']), skill('Excel', 'expert', 3)],
  }),
  person('p2', 'Bjørn Olsen', {
    title: 'Developer',
    department: 'IT',
    skills: [skill('C#', 'expert', 4), skill('Node.js', 'practitioner', 2), skill('Power BI', 'learning', 1)],
  }),
  person('p3', 'Ayşe Öztürk', {
    title: 'Designer',
    department: 'Marketing',
    skills: [skill('UX/UI', 'expert', 5, ['askMeAbout']), skill('Power BI', 'practitioner', 0)],
  }),
  person('me', 'Mark de Wit', {
    title: 'Community manager',
    department: 'HR',
    skills: [skill('Facilitation')],
  }),
];

interface Pending {
  query: PeopleQuery;
  signal?: AbortSignal;
  resolve: (result: PeopleSearchResult) => void;
  reject: (error: unknown) => void;
}

export class FakeClient {
  readonly searches: { query: PeopleQuery; signal?: AbortSignal }[] = [];
  readonly tracked: Omit<ActivityEvent, 'actorId' | 'at'>[] = [];
  readonly endorseCalls: { personId: string; skill: string; on: boolean }[] = [];
  /** When set, searches wait until the test settles them through `pending`. */
  holdSearches = false;
  /** When set, searches fail with this error. */
  failSearches?: BackendError;
  /** When set, endorsement writes fail with this error. */
  failWrites?: BackendError;
  /** When set, endorsement writes wait for `releaseWrites()`. */
  holdWrites = false;
  readonly pending: Pending[] = [];
  private readonly heldWrites: (() => void)[] = [];
  private readonly listeners = new Set<ChangeListener>();
  private readonly people = new Map<string, Person>();
  index: PeopleIndex;

  constructor(people: Person[] = PEOPLE) {
    for (const p of people) this.people.set(p.id, structuredClone(p));
    this.index = new PeopleIndex([...this.people.values()]);
  }

  /** Answers immediately from the index unless held or failing. */
  searchPeople(query: PeopleQuery, options?: CallOptions): Promise<PeopleSearchResult> {
    this.searches.push({ query, signal: options?.signal });
    if (this.failSearches) return Promise.reject(this.failSearches);
    if (!this.holdSearches) return Promise.resolve(this.index.search(query));
    return new Promise((resolve, reject) =>
      this.pending.push({ query, signal: options?.signal, resolve, reject }),
    );
  }

  /** Settles a held search with the real answer. */
  answer(pending: Pending): void {
    pending.resolve(this.index.search(pending.query));
  }

  suggestSkills(text: string): Promise<string[]> {
    return Promise.resolve(this.index.suggestSkills(text));
  }

  currentUser(): Promise<Person> {
    return Promise.resolve(this.people.get('me')!);
  }

  person(id: string): Promise<Person | null> {
    return Promise.resolve(this.peekPerson(id) ?? null);
  }

  peekPerson(id: string): Person | undefined {
    const found = this.people.get(id === 'me' ? 'me' : id);
    return found ? structuredClone(found) : undefined;
  }

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(change: ClientChange): void {
    for (const listener of this.listeners) listener(change);
  }

  track(event: Omit<ActivityEvent, 'actorId' | 'at'>): void {
    this.tracked.push(event);
  }

  releaseWrites(): void {
    for (const release of this.heldWrites.splice(0)) release();
  }

  endorseSkill(personId: string, skillName: string): Promise<Skill> {
    return this.write(personId, skillName, true);
  }

  unendorseSkill(personId: string, skillName: string): Promise<Skill> {
    return this.write(personId, skillName, false);
  }

  private async write(personId: string, skillName: string, on: boolean): Promise<Skill> {
    this.endorseCalls.push({ personId, skill: skillName, on });
    if (this.holdWrites) await new Promise<void>((resolve) => this.heldWrites.push(resolve));
    if (this.failWrites) throw this.failWrites;
    if (personId === 'me') throw new BackendError('invalid', 'You cannot endorse yourself.');
    const target = this.people.get(personId)!;
    const found = target.skills.find((s) => s.name === skillName)!;
    // One endorsement per person per skill, like every backend.
    if (found.endorsedByMe !== on) {
      found.endorsedByMe = on;
      found.endorsements += on ? 1 : -1;
    }
    this.index.upsert(target);
    this.emit({ topic: 'people', ids: [personId] });
    return structuredClone(found);
  }

  asClient(): CommunityClientApi {
    return this as unknown as CommunityClientApi;
  }
}

/** A plain element that provides the fake client to everything inside it. */
export function provide(host: HTMLElement, client: FakeClient): void {
  new ContextProvider(host, { context: clientContext, initialValue: client.asClient() });
}
