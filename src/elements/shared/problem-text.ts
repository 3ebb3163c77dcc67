import { stringsToCome, translate, type Language, type MessageParams } from '../../i18n/index.js';
import type { CommunityStringKey } from '../../i18n/community.js';

type Problems = typeof import('./community-problems.js');

let problems: Problems | undefined;
let loading: Promise<Problems> | undefined;

/**
 * The texts Kring shows and logs when a community cannot connect (`community-problems.ts`), loaded with
 * the first problem: a page that works does not download them (issue 18). One load per page; a failed
 * load is tried again by the next problem.
 */
export function loadProblems(): Promise<Problems> {
  return (loading ??= import('./community-problems.js').then(
    (module) => (problems = module),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  ));
}

/**
 * A community text in `lang` once it and `lang`'s strings are here; until then a promise that settles
 * when they are (the caller renders again then), so no language shows English first.
 */
export function problemText(
  lang: Language,
  key: CommunityStringKey,
  params?: MessageParams,
): string | Promise<unknown> {
  const toCome = problems ? stringsToCome(lang) : loadProblems().then(() => stringsToCome(lang));
  return toCome ?? translate(problems!.communityStrings, lang, key, params);
}
