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

  /** Each query answers one JSON document: far faster than row by row at 50,000 people. */
  async function build(): Promise<PeopleIndex> {
    const { db } = domain;
    const [{ rows: people }] = await db.query<{
      rows: [string, string, string | null, string | null, string | null, boolean, boolean][];
    }>(
      `SELECT coalesce(json_agg(json_build_array(id, name, title, department, about, is_management, is_member)), '[]'::json)
         AS rows FROM people WHERE deactivated_at IS NULL`,
    );
    const [{ rows: skills }] = await db.query<{ rows: [string, string, SkillLevel, SkillTag[], number][] }>(
      `SELECT coalesce(json_agg(json_build_array(s.person_id, s.name, s.level, s.tags,
                (SELECT count(*) FROM endorsements e WHERE e.person_id = s.person_id AND lower(e.skill) = lower(s.name)))
              ORDER BY s.person_id, s.position), '[]'::json) AS rows FROM skills s`,
    );
    const since = new Date(domain.now().getTime() - RECENT_KUDOS_DAYS * DAY_MS);
    const [{ rows: kudos }] = await db.query<{ rows: [string[], string, string | null, number][] }>(
      `SELECT coalesce(json_agg(json_build_array(
                (SELECT array_agg(r.person_id ORDER BY r.position) FROM kudos_receivers r WHERE r.kudos_seq = k.seq),
                k.message, k.value, (extract(epoch FROM k.created_at) * 1000)::bigint)), '[]'::json) AS rows
         FROM kudos k WHERE k.created_at >= $1`,
      [since],
    );
    const skillsBy = new Map<string, Person['skills']>();
    for (const [personId, name, level, tags, endorsements] of skills) {
      const list = skillsBy.get(personId) ?? [];
      list.push({ name, level, tags, endorsements, endorsedByMe: false });
      skillsBy.set(personId, list);
    }
    return new PeopleIndex(
      people.map(([id, name, title, department, about, isManagement, isMember]) => ({
        id,
        name,
        title: title ?? undefined,
        department: department ?? undefined,
        about: about ?? undefined,
        isManagement,
        isMember,
        links: [],
        skills: skillsBy.get(id) ?? [],
      })),
      {
        kudos: kudos.map(([to, message, value, createdMs]) => ({
          to: to ?? [],
          message,
          value: value ?? undefined,
          createdAt: new Date(createdMs).toISOString(),
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
