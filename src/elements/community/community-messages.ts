import { BACKEND_NAMES, backendNames } from '../../backends/registry.js';
import { allowedValue } from '../../attribute-values.js';

// The messages of a community that cannot create its backend: a page that works never needs them, so
// they load with the first such problem, not with the script-tag core.

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
