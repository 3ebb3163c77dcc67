/**
 * What the HTTP layer says when a token could not be had (the other sentences of a failure with no usable
 * answer are in `errors.ts`; those for a server's refusals in `error-mapping.ts`, which loads with the first
 * failed response, issue 18).
 */
export const AUTH_MESSAGE = 'You are signed out. Sign in again and retry.';
