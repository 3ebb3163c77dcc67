import type { Kudos, KudosInput, KudosQuery, Person } from '../model.js';

/** The filter of a feed, as set by its attributes. */
export type KudosFilter = Pick<KudosQuery, 'person' | 'from' | 'department' | 'value'>;

/**
 * Whether a kudos belongs in a feed with this filter, for live updates that arrive through
 * the client instead of `listKudos`. `department` matches the giver's or any receiver's
 * department, the same rule the demo backend applies. `people` resolves ids; when the
 * department filter is set and people are unknown, the kudos does not match.
 */
export function kudosMatchesFilter(
  kudos: Pick<Kudos, 'from' | 'to' | 'value'> | (KudosInput & { from: string }),
  filter: KudosFilter,
  people: (id: string) => Person | undefined = () => undefined,
): boolean {
  if (filter.person && !kudos.to.includes(filter.person)) return false;
  if (filter.from && kudos.from !== filter.from) return false;
  if (filter.value && kudos.value !== filter.value) return false;
  if (filter.department) {
    const ids = [kudos.from, ...kudos.to];
    if (!ids.some((id) => people(id)?.department === filter.department)) return false;
  }
  return true;
}

/** Newest first; ties broken by id so the order is stable across reloads. */
export function compareNewestFirst(
  a: Pick<Kudos, 'createdAt' | 'id'>,
  b: Pick<Kudos, 'createdAt' | 'id'>,
): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}
