/** Failures in the contract's shape: `{ code, message }` with an HTTP status, never a stack trace. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const invalid = (code: string, message: string) => new ApiError(422, code, message);
export const notFound = (code: string, message: string) => new ApiError(404, code, message);
export const forbidden = (code: string, message: string) => new ApiError(403, code, message);
export const conflict = (code: string, message: string) => new ApiError(409, code, message);
export const unauthorized = (message = 'Sign in to use the community.') =>
  new ApiError(401, 'auth.required', message, { 'www-authenticate': 'Bearer' });
