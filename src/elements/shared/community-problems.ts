import { communityStrings } from '../../i18n/community.js';

/*
 * What Kring says when a community cannot connect: the messages elements show (`communityStrings`) and the
 * console error naming the fix when there is no community. A page that works never needs them, so they
 * load with the first problem (`problem-text.ts`), not with the script-tag core.
 */
export { communityStrings };

let missingCommunityReported = false;

/** One console error per page, naming the fix. */
export function reportMissingCommunity(tag: string): void {
  if (missingCommunityReported) return;
  missingCommunityReported = true;
  console.error(
    `[kring] <${tag}> found no <kring-community>. Put it inside one, or add the page attribute ` +
      '(<kring-community page>) so elements anywhere on the page use it.',
  );
}
