/**
 * People search for the demo backend: an in-memory index with accent- and case-insensitive
 * matching on skills, names, titles, departments and "about" text, evidence for every match,
 * and facets. The ranking here is deliberately simple; the expertise finder owns its refinement.
 */
import type {
  FacetCount,
  MatchEvidence,
  PeopleQuery,
  PeopleSearchResult,
  PersonMatch,
  SkillLevel,
} from '../../model.js';
import { BackendError } from '../errors.js';
import type { DemoContext } from './context.js';
import { toPerson, toSkill } from './people.js';
import type { DemoSkillRecord, KudosRecord } from './seed.js';
import { DAY_MS } from './seed.js';
import { foldText, words } from './text.js';

interface IndexedSkill {
  folded: string;
  words: string[];
  record: DemoSkillRecord;
}

interface IndexEntry {
  id: string;
  name: string;
  nameWords: string[];
  title: string;
  department: string;
  /** Folded on first need: most searches match before reaching "about". */
  about?: string;
  skills: IndexedSkill[];
}

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;
const RECENT_KUDOS_DAYS = 90;
const LEVEL_BONUS: Record<SkillLevel, number> = { learning: 0, practitioner: 10, expert: 20 };

export function createSearchModule(context: DemoContext) {
  const { store } = context;
  let index: IndexEntry[] | undefined;
  let recentKudos: { kudosCount: number; byReceiver: Map<string, KudosRecord[]> } | undefined;

  /** Built on first search; names, titles and skills never change through the contract. */
  function buildIndex(): IndexEntry[] {
    // Titles and departments repeat a lot: fold each distinct one once.
    const folded = new Map<string, string>();
    const foldOnce = (text: string) => {
      let result = folded.get(text);
      if (result === undefined) folded.set(text, (result = foldText(text)));
      return result;
    };
    return store.data.people.map((person) => {
      const name = foldText(person.name);
      return {
        id: person.id,
        name,
        nameWords: words(name),
        title: foldOnce(person.title),
        department: foldOnce(person.department),
        skills: person.skills.map((skill) => {
          const name = foldOnce(skill.name);
          return { folded: name, words: words(name), record: skill };
        }),
      };
    });
  }

  function aboutOf(entry: IndexEntry): string {
    entry.about ??= foldText(store.people.get(entry.id)?.about ?? '');
    return entry.about;
  }

  function recentKudosFor(personId: string): KudosRecord[] | undefined {
    // Searching must not force generating six months of kudos for a very large demo company.
    if (!store.historyReady) return undefined;
    const kudosList = store.kudos;
    if (!recentKudos || recentKudos.kudosCount !== kudosList.length) {
      const since = new Date(store.now().getTime() - RECENT_KUDOS_DAYS * DAY_MS).toISOString();
      const byReceiver = new Map<string, KudosRecord[]>();
      for (
        let position = kudosList.length - 1;
        position >= 0 && kudosList[position].createdAt >= since;
        position--
      ) {
        const item = kudosList[position];
        for (const id of item.to) {
          const list = byReceiver.get(id);
          if (list) list.push(item);
          else byReceiver.set(id, [item]);
        }
      }
      recentKudos = { kudosCount: kudosList.length, byReceiver };
    }
    return recentKudos.byReceiver.get(personId) ?? [];
  }

  function skillEvidence(
    personId: string,
    skill: DemoSkillRecord,
    kind: 'skill-exact' | 'skill-prefix',
  ): MatchEvidence {
    const view = toSkill(store, personId, skill, context.currentUserId);
    return {
      kind,
      value: skill.name,
      level: skill.level,
      endorsements: view.endorsements,
      tags: [...skill.tags],
    };
  }

  function skillScore(evidence: MatchEvidence): number {
    const base = evidence.kind === 'skill-exact' ? 100 : 60;
    const tags = evidence.tags ?? [];
    return (
      base +
      LEVEL_BONUS[evidence.level ?? 'learning'] +
      // Diminishing returns, so collecting endorsements does not dominate.
      8 * Math.log2(1 + (evidence.endorsements ?? 0)) +
      (tags.includes('askMeAbout') ? 6 : 0) +
      (tags.includes('ableToMentor') ? 4 : 0)
    );
  }

  /** Evidence for one entry, or undefined when some query word matches nothing. */
  function match(
    entry: IndexEntry,
    text: string,
    tokens: string[],
  ): { score: number; evidence: MatchEvidence[] } | undefined {
    const evidence: MatchEvidence[] = [];
    let score = 0;
    let remaining = tokens;
    // A multi-word skill typed in full ("power bi") is one exact match.
    const whole = entry.skills.find((skill) => skill.folded === text);
    if (whole) {
      const found = skillEvidence(entry.id, whole.record, 'skill-exact');
      evidence.push(found);
      score += skillScore(found);
      remaining = [];
    }
    for (const token of remaining) {
      const exact = entry.skills.find((skill) => skill.folded === token);
      const prefix = exact
        ? undefined
        : entry.skills.find((skill) => skill.words.some((word) => word.startsWith(token)));
      if (exact || prefix) {
        const found = skillEvidence(
          entry.id,
          (exact ?? prefix)!.record,
          exact ? 'skill-exact' : 'skill-prefix',
        );
        if (!evidence.some((item) => item.value === found.value)) {
          evidence.push(found);
          score += skillScore(found);
        }
        continue;
      }
      if (entry.nameWords.some((word) => word.startsWith(token))) {
        evidence.push({ kind: 'name', value: token });
        score += entry.nameWords.includes(token) ? 55 : 50;
      } else if (entry.title.includes(token)) {
        evidence.push({ kind: 'title', value: token });
        score += 25;
      } else if (entry.department.includes(token)) {
        evidence.push({ kind: 'department', value: token });
        score += 15;
      } else if (token.length >= 3 && aboutOf(entry).includes(token)) {
        evidence.push({ kind: 'about', value: token });
        score += 8;
      } else {
        return undefined;
      }
    }
    return { score, evidence };
  }

  function facetList(counts: Map<string, number>, limit: number): FacetCount[] {
    return [...counts]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, 'nl'))
      .slice(0, limit);
  }

  return {
    searchPeople(query: PeopleQuery): PeopleSearchResult {
      const limit = Math.min(MAX_LIMIT, Math.max(1, Math.floor(query.limit ?? DEFAULT_LIMIT)));
      const offset = query.cursor === undefined ? 0 : Number.parseInt(query.cursor, 10);
      if (!Number.isInteger(offset) || offset < 0)
        throw new BackendError('invalid', 'The search cursor is not valid.', { code: 'search.cursor' });
      index ??= buildIndex();
      const text = foldText(query.text ?? '');
      const tokens = words(text);
      const skillFilter = query.skill ? foldText(query.skill) : undefined;
      const departmentFilter = query.department ? foldText(query.department) : undefined;

      const matches: { entry: IndexEntry; score: number; evidence: MatchEvidence[] }[] = [];
      for (const entry of index) {
        if (departmentFilter !== undefined && entry.department !== departmentFilter) continue;
        if (query.membersOnly && !store.people.get(entry.id)?.isMember) continue;
        let score = 0;
        const evidence: MatchEvidence[] = [];
        if (skillFilter !== undefined) {
          const declared = entry.skills.find((skill) => skill.folded === skillFilter);
          if (!declared) continue;
          const found = skillEvidence(entry.id, declared.record, 'skill-exact');
          evidence.push(found);
          score += skillScore(found);
        }
        if (tokens.length > 0) {
          const result = match(entry, text, tokens);
          if (!result) continue;
          for (const item of result.evidence)
            if (!evidence.some((known) => known.kind === item.kind && known.value === item.value))
              evidence.push(item);
          score += result.score;
        }
        matches.push({ entry, score: Math.round(score * 100) / 100, evidence });
      }
      // Equal scores: by name, then id, so the order is stable.
      matches.sort(
        (a, b) =>
          b.score - a.score ||
          (a.entry.name < b.entry.name
            ? -1
            : a.entry.name > b.entry.name
              ? 1
              : a.entry.id < b.entry.id
                ? -1
                : 1),
      );

      const departments = new Map<string, number>();
      const relatedSkills = new Map<string, number>();
      for (const { entry, evidence } of matches) {
        const record = store.people.get(entry.id)!;
        departments.set(record.department, (departments.get(record.department) ?? 0) + 1);
        for (const skill of entry.skills) {
          if (evidence.some((item) => item.value === skill.record.name) || skill.folded === skillFilter)
            continue;
          relatedSkills.set(skill.record.name, (relatedSkills.get(skill.record.name) ?? 0) + 1);
        }
      }

      const items: PersonMatch[] = matches.slice(offset, offset + limit).map(({ entry, score, evidence }) => {
        const recent = recentKudosFor(entry.id);
        return {
          person: toPerson(store, store.people.get(entry.id)!, context.currentUserId),
          score,
          evidence: evidence.map((item) => {
            if (item.kind !== 'skill-exact' && item.kind !== 'skill-prefix') return item;
            if (!recent) return item;
            const skill = foldText(item.value);
            const count = recent.filter(
              (kudos) => foldText(kudos.message).includes(skill) || foldText(kudos.value ?? '') === skill,
            ).length;
            return { ...item, recentKudos: count };
          }),
        };
      });
      return {
        items,
        next: offset + limit < matches.length ? String(offset + limit) : undefined,
        total: matches.length,
        facets: { departments: facetList(departments, 20), relatedSkills: facetList(relatedSkills, 10) },
      };
    },
  };
}
