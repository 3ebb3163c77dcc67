import { communityStrings } from '../../i18n/community.js';
import { BACKEND_NAMES, backendNames } from '../../backends/registry.js';
import { allowedValue } from '../../attribute-values.js';

/*
 * What Kring says when a community cannot connect: the messages elements show (`communityStrings`) and the
 * console errors naming the fix. A page that works never needs them, so they load with the first problem
 * (`problem-text.ts`), not with the script-tag core.
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

/** `backend` names no registered factory: a built-in one left out of this build, or an unknown name. */
export function unknownBackendMessage(name: string): string {
  return allowedValue(name, BACKEND_NAMES) !== undefined
    ? `<kring-community> backend="${name}" is not included in this build.`
    : `<kring-community> backend="${name}" is not valid; use one of: ${backendNames().join(', ')}.`;
}

/** `endpoint` or `site-url` is not on a trusted origin (`origin`), or not an http(s) address (no origin). */
export function untrustedOriginMessage(attribute: string, value: string, origin: string | undefined): string {
  return origin
    ? `<kring-community> ${attribute}="${value}" is on another origin (${origin}), which was not allowed in JavaScript. Credentials go only to trusted origins: add it with Kring.configure({ trustedOrigins: ['${origin}'] }) if it is yours.`
    : `<kring-community> ${attribute}="${value}" is not an http(s) address.`;
}
