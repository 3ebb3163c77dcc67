/**
 * How long a server asked us to wait, from `Retry-After` (seconds, fractional seconds or an HTTP date)
 * and `RateLimit-Reset` (IETF draft: delta seconds). When both are present the greater wins, as
 * SharePoint Online's throttling guidance asks.
 */
export function parseRetryAfter(headers: Headers, now: number = Date.now()): number | undefined {
  const retryAfter = parseDelayValue(headers.get('retry-after'), now);
  const rateLimitReset = parseRateLimitReset(headers.get('ratelimit-reset'), now);
  if (retryAfter === undefined) return rateLimitReset;
  if (rateLimitReset === undefined) return retryAfter;
  return Math.max(retryAfter, rateLimitReset);
}

/** `Retry-After` value → milliseconds; `undefined` when absent or unreadable. */
export function parseDelayValue(
  value: string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  if (value == null) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  // An HTTP date: only accept strings that look like one, so "soon" or "-5" are not misread.
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

function parseRateLimitReset(value: string | null, now: number): number | undefined {
  if (value == null) return undefined;
  const text = value.trim();
  if (!/^\d+(\.\d+)?$/.test(text)) return undefined;
  const seconds = Number(text);
  // Some servers send an epoch timestamp instead of delta seconds; anything past 2001 is one.
  if (seconds > 1_000_000_000) return Math.max(0, Math.round(seconds * 1000 - now));
  return Math.round(seconds * 1000);
}
