import { ABORTED_MESSAGE, BackendError, NETWORK_MESSAGE, type BackendErrorKind } from '../../errors.js';
import { AUTH_MESSAGE } from './messages.js';

const HUMAN_MESSAGES: Record<BackendErrorKind, string> = {
  network: NETWORK_MESSAGE,
  auth: AUTH_MESSAGE,
  aborted: ABORTED_MESSAGE,
  server: 'The server ran into a problem. Please try again later.',
  forbidden: 'You do not have permission to do this.',
  'not-found': 'This could not be found. It may have been removed.',
  throttled: 'The server is busy. Please try again in a moment.',
  invalid: 'The server did not accept this request.',
  conflict: 'Someone changed this at the same time. Reload and try again.',
};

/** A sentence for people, by kind. */
export function humanMessage(kind: BackendErrorKind): string {
  return HUMAN_MESSAGES[kind];
}

/** What a failed response said about itself, whatever shape the server used. */
export interface ServerErrorDetail {
  code?: string;
  message?: string;
}

/** The HTTP status → error kind table every adapter shares. */
export function kindForStatus(status: number): BackendErrorKind {
  if (status === 401) return 'auth';
  if (status === 403) return 'forbidden';
  if (status === 404 || status === 410) return 'not-found';
  if (status === 409 || status === 412) return 'conflict';
  if (status === 429) return 'throttled';
  if (status === 408) return 'network';
  if (status >= 500) return 'server';
  if (status >= 400) return 'invalid';
  return 'server';
}

/**
 * Reads an error body in any of the shapes we meet: `{code, message}` (our REST contract, WordPress),
 * `{"odata.error": {code, message: {value}}}` (SharePoint JSON light), `{error: {code, message: {value}}}`
 * (SharePoint verbose), `{error: {code, message: "…"}}` (OData v4, Graph), `{error: "…", error_description}`
 * (OAuth), `{d: {error}}`, and `{message}` (Drupal). HTML pages yield their `<title>`, if readable.
 */
export function readErrorDetail(bodyText: string, contentType: string | null): ServerErrorDetail {
  const text = bodyText.trim();
  if (text === '') return {};
  if (looksLikeHtml(text, contentType)) {
    const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(text)?.[1];
    return title ? { message: collapseWhitespace(title) } : {};
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return {};
  }
  return detailFromJson(parsed);
}

function detailFromJson(value: unknown): ServerErrorDetail {
  if (!isRecord(value)) return {};
  const nested = value['odata.error'] ?? value.error ?? (isRecord(value.d) ? value.d.error : undefined);
  if (isRecord(nested)) {
    return { code: stringOrUndefined(nested.code), message: messageText(nested.message) };
  }
  if (typeof nested === 'string') {
    return {
      code: nested,
      message: stringOrUndefined(value.error_description) ?? stringOrUndefined(value.message),
    };
  }
  return { code: stringOrUndefined(value.code), message: messageText(value.message) };
}

function messageText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (isRecord(value) && typeof value.value === 'string') return value.value;
  return undefined;
}

function looksLikeHtml(text: string, contentType: string | null): boolean {
  if (contentType && /html/i.test(contentType)) return true;
  return /^<(!doctype|html|head|body)/i.test(text);
}

function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function stringOrUndefined(value: unknown): string | undefined {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A failed response as a BackendError. The server's own message is kept when it is short plain text
 * meant for people; HTML pages and stack traces never reach the user.
 */
export function errorFromResponse(
  status: number,
  bodyText: string,
  contentType: string | null,
  retryAfterMs?: number,
): BackendError {
  // A 503 with Retry-After is SharePoint's "server busy" throttling; without it the server is down.
  const kind = status === 503 && retryAfterMs !== undefined ? 'throttled' : kindForStatus(status);
  const detail = readErrorDetail(bodyText, contentType);
  const serverMessage = detail.message && isPresentable(detail.message) ? detail.message : undefined;
  const message = serverMessage ?? humanMessage(kind);
  return new BackendError(kind, message, { status, code: detail.code, retryAfterMs });
}

function isPresentable(message: string): boolean {
  return message.length <= 300 && !/[<>]/.test(message) && !/\n\s+at /.test(message);
}
