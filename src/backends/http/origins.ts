/**
 * Where credentials may go. A token, a form digest or a CSRF header is sent only to an origin the
 * integrator named in JavaScript: the page's own by default, the adapter's base URL, and whatever
 * `Kring.configure({ trustedOrigins })` adds. An attribute, which any page author can write, never widens it.
 */

/** The origin (`https://host:port`) of `url` resolved against the page, or undefined for a non-HTTP(S) URL. */
export function originOf(
  url: string,
  base: string | undefined = globalThis.location?.href,
): string | undefined {
  try {
    const parsed = new URL(url, base);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}

/** The page's own origin, when there is a page. */
export function pageOrigin(): string | undefined {
  const origin = globalThis.location?.origin;
  return origin && origin !== 'null' ? origin : undefined;
}

/** Normalises a list of origins or URLs (`https://api.example/`, `https://API.example:443`) to origins. */
export function normaliseOrigins(origins: Iterable<string | undefined>): Set<string> {
  const result = new Set<string>();
  for (const entry of origins) {
    if (!entry) continue;
    const origin = originOf(entry, undefined);
    if (origin) result.add(origin);
  }
  return result;
}

/** Whether `url` points at one of `trusted` (origins, as `normaliseOrigins` returns them). */
export function isTrustedUrl(url: string, trusted: ReadonlySet<string>): boolean {
  // Outside a page (Node) a relative URL has no origin to compare, and cannot leave the base it was joined to.
  if (!globalThis.location && !/^([a-z][a-z\d+.-]*:|\/\/)/i.test(url)) return true;
  const origin = originOf(url);
  return origin !== undefined && trusted.has(origin);
}
