import { PASSED_ON, type PassedOn } from '../client/passed-on.js';
import { WRITE_METHODS } from '../client/write-args.js';
import type { WriteKind } from '../client/writes.js';
import type { Backend } from './backend.js';

/**
 * The `Backend` methods of a community beyond its people (skills, kudos, invitations, ambassadors, badges,
 * metrics) that no page of profile cards calls: every adapter loads their code on first use. They are the
 * client's writes and the reads it passes on but `suggestSkills`, so the names come from the client's
 * tables (the core carries each name once).
 */
export const COMMUNITY_METHODS = [
  ...WRITE_METHODS,
  ...(Object.keys(PASSED_ON) as PassedOn[]).filter((name) => name !== 'suggestSkills'),
] as (WriteKind | Exclude<PassedOn, 'suggestSkills'>)[] satisfies readonly (keyof Backend)[];

type AnyMethod = (...args: unknown[]) => Promise<unknown>;

/**
 * Methods whose code loads on first use (issue 18): each name becomes an async method that loads the
 * object once and calls its method of that name. A page that never calls one never downloads the code.
 * After a failed load (a network error fetching the chunk) the next call tries again.
 */
export function lazyMethods<T, K extends keyof T>(names: readonly K[], load: () => Promise<T>): Pick<T, K> {
  let loading: Promise<T> | undefined;
  const loaded = () => {
    loading ??= load();
    loading.catch(() => (loading = undefined));
    return loading;
  };
  const methods = {} as Record<K, AnyMethod>;
  for (const name of names) {
    methods[name] = async (...args) => {
      const target = await loaded();
      return (target[name] as AnyMethod).apply(target, args);
    };
  }
  return methods as unknown as Pick<T, K>;
}
