/**
 * Expertise search with the documented ranking (docs/expertise-ranking.md), by the same
 * `PeopleIndex` the browser uses. The index is built from the database and rebuilt after writes that
 * change what it ranks on (this instance's writes at once; other instances' within `maxAgeMs`).
 */
import type { PeopleQuery, PeopleSearchResult, Person, SkillLevel, SkillTag } from '../../../src/model.js';
import { PeopleIndex } from '../../../src/search/index.js';
import { RECENT_KUDOS_DAYS } from '../../../src/search/rank.js';
import { invalid } from '../errors.js';
import type { Domain } from './context.js';
import { lookupPeople } from './people.js';

const DAY_MS = 86_400_000;

export function createSearch(domain: Domain, maxAgeMs = 60_000) {
  let index: PeopleIndex | undefined;
  let builtAt = 0;
  let building: Promise<PeopleIndex> | undefined;

  async function build(): Promise<PeopleIndex> {
    const { db } = domain;
    const people = await db.query<{
      id: string;
      name: string;
      title: string | null;
      department: string | null;
      about: string | null;
      is_management: boolean;
      is_member: boolean;
    }>('SELECT id, name, title, department, about, is_management, is_member FROM people');
    const skills = await db.query<{ person_id: string; name: string; level: SkillLevel; tags: SkillTag[] }>(
      'SELECT person_id, name, level, tags FROM skills ORDER BY person_id, position',
    );
    const counts = await db.query<{ person_id: string; skill: string; count: number }>(
      'SELECT person_id, lower(skill) AS skill, count(*)::int AS count FROM endorsements GROUP BY person_id, lower(skill)',
    );
    const since = new Date(domain.now().getTime() - RECENT_KUDOS_DAYS * DAY_MS);
    const kudos = await db.query<{ to: string[]; message: string; value: string | null; created_at: Date }>(
      `SELECT array_agg(r.person_id ORDER BY r.position) AS to, k.message, k.value, k.created_at
         FROM kudos k JOIN kudos_receivers r ON r.kudos_seq = k.seq
        WHERE k.created_at >= $1 GROUP BY k.seq`,
      [since],
    );
    const countBy = new Map(counts.map((row) => [`${row.person_id}\u0000${row.skill}`, row.count]));
    const skillsBy = new Map<string, Person['skills']>();
    for (const row of skills) {
      const list = skillsBy.get(row.person_id) ?? [];
      list.push({
        name: row.name,
        level: row.level,
        tags: row.tags,
        endorsements: countBy.get(`${row.person_id}\u0000${row.name.toLowerCase()}`) ?? 0,
        endorsedByMe: false,
      });
      skillsBy.set(row.person_id, list);
    }
    return new PeopleIndex(
      people.map((row) => ({
        id: row.id,
        name: row.name,
        title: row.title ?? undefined,
        department: row.department ?? undefined,
        about: row.about ?? undefined,
        isManagement: row.is_management,
        isMember: row.is_member,
        links: [],
        skills: skillsBy.get(row.id) ?? [],
      })),
      {
        kudos: kudos.map((row) => ({
          to: row.to,
          message: row.message,
          value: row.value ?? undefined,
          createdAt: row.created_at.toISOString(),
        })),
        now: () => domain.now().getTime(),
      },
    );
  }

  /** Bumped by every write that changes what the index ranks on. */
  let generation = 0;
  let builtGeneration = -1;

  async function current(): Promise<PeopleIndex> {
    const fresh = index && builtGeneration === generation;
    if (fresh && Date.now() - builtAt <= maxAgeMs) return index!;
    if (!building) {
      const startedGeneration = generation;
      const started = Date.now();
      building = build()
        .then((built) => {
          index = built;
          builtAt = started;
          builtGeneration = startedGeneration;
          return built;
        })
        .finally(() => {
          building = undefined;
        });
    }
    // Only age makes it stale: answer at once while a new one is built. After a write, wait for it.
    if (fresh) return index!;
    const built = await building;
    return builtGeneration === generation ? built : current();
  }

  return {
    invalidate() {
      generation++;
    },

    async searchPeople(query: PeopleQuery, viewerId: string): Promise<PeopleSearchResult> {
      const offset = query.cursor === undefined ? 0 : Number(query.cursor);
      if (!Number.isInteger(offset) || offset < 0)
        throw invalid('search.cursor', 'The search cursor is not valid.');
      const result = (await current()).search({ ...query, limit: query.limit ?? 20, cursor: String(offset) });
      const people = await lookupPeople(
        domain.db,
        result.items.map((match) => match.person.id),
        viewerId,
      );
      return {
        ...result,
        items: result.items.map((match, position) => ({
          ...match,
          person: people[position] ?? match.person,
        })),
      };
    },

    async suggestSkills(text: string): Promise<string[]> {
      return (await current()).suggestSkills(text, 10);
    },
  };
}

export type Search = ReturnType<typeof createSearch>;
