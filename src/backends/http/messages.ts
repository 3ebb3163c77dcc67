import type { BackendErrorKind } from '../../errors.js';

const HUMAN_MESSAGES: Record<BackendErrorKind, string> = {
  network: 'The server could not be reached. Check the connection and try again.',
  auth: 'You are signed out. Sign in again and retry.',
  forbidden: 'You do not have permission to do this.',
  'not-found': 'This could not be found. It may have been removed.',
  throttled: 'The server is busy. Please try again in a moment.',
  invalid: 'The server did not accept this request.',
  conflict: 'Someone changed this at the same time. Reload and try again.',
  server: 'The server ran into a problem. Please try again later.',
  aborted: 'The request was cancelled.',
};

/** A sentence for people, by kind. */
export function humanMessage(kind: BackendErrorKind): string {
  return HUMAN_MESSAGES[kind];
}
