/**
 * What the HTTP layer says when no usable answer came (no connection, cancelled, signed out).
 * The sentences for a server's refusals are in `error-mapping.ts`, which loads with the first failed
 * response (issue 18).
 */
export const TRANSPORT_MESSAGES = {
  network: 'The server could not be reached. Check the connection and try again.',
  auth: 'You are signed out. Sign in again and retry.',
  aborted: 'The request was cancelled.',
} as const;
