import { stringsToCome, translate, type Language, type MessageParams } from '../../i18n/index.js';
import type { CommunityStringKey } from '../../i18n/community.js';

type Problems = typeof import('./community-problems.js');

let problems: Problems | undefined;
let loading: Promise<Problems> | undefined;
/** The last load failed (offline, a deploy that removed the chunk): say so in the one sentence the core has. */
let failed = false;

/**
 * What an element says when the texts themselves cannot load: English, the same sentence as the community
 * strings' `community.notConnected` (a copy: those load with the texts). Better than loading for ever.
 */
const UNREACHABLE = 'This part of the page cannot load right now.';

/**
 * The texts Kring shows and logs when a community cannot connect (`community-problems.ts`), loaded with
 * the first problem: a page that works does not download them (issue 18). One load per page; a failed
 * load is tried again by the next problem, and meanwhile `problemText` gives the one English sentence.
 */
export function loadProblems(): Promise<Problems> {
  return (loading ??= import('./community-problems.js').then(
    (module) => ((failed = false), (problems = module)),
    (error: unknown) => {
      loading = undefined;
      failed = true;
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
  if (!problems && failed) return UNREACHABLE;
  const toCome = problems ? stringsToCome(lang) : loadProblems().then(() => stringsToCome(lang));
  return toCome ?? translate(problems!.communityStrings, lang, key, params);
}
