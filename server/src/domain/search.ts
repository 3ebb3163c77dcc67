/**
 * Expertise search with the documented ranking (docs/expertise-ranking.md), by the same
 * `PeopleIndex` the browser uses. The index is built from the database and rebuilt when what it ranks
 * on has changed: each search first reads the database's search generation (kring_generations, bumped by
 * a trigger as every such change commits, migrations/003), so a change made on another instance, by the
 * import or by hand is visible to the very next search here.
 */
import type { PeopleQuery, PeopleSearchResult, Person, SkillLevel, SkillTag } from '../../../src/model.js';
import { PeopleIndex } from '../../../src/search/index.js';
import { RECENT_KUDOS_DAYS } from '../../../src/search/rank.js';
import { invalid } from '../errors.js';
import type { Domain } from './context.js';
import { lookupPeople } from './people.js';
import { DAY_MS } from '../../../src/time.js';

export function createSearch(domain: Domain) {
  let index: PeopleIndex | undefined;
  let building: { generation: number; index: Promise<PeopleIndex> } | undefined;

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

  /** The database's search generation the index was built at (read before building). */
  let builtGeneration = -1;

  async function databaseGeneration(): Promise<number> {
    const [row] = await domain.db.query<{ value: number }>(
      "SELECT value FROM kring_generations WHERE name = 'search'",
    );
    return Number(row.value);
  }

  async function current(): Promise<PeopleIndex> {
    const generation = await databaseGeneration();
    if (index && builtGeneration >= generation) return index;
    // One build at a time; a build started at this generation or later answers this search too.
    if (!building || building.generation < generation) {
      const started = {
        generation,
        index: build().then((built) => {
          if (generation >= builtGeneration) {
            index = built;
            builtGeneration = generation;
          }
          return built;
        }),
      };
      building = started;
      void started.index
        .finally(() => {
          if (building === started) building = undefined;
        })
        .catch(() => undefined);
    }
    return building.index;
  }

  return {
    /** Kept for the writes that call it; the database's generation is what decides. */
    invalidate() {},

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
