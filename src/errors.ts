/** What a failure was, for elements and the client to decide on. */
export type BackendErrorKind =
  | 'network'
  | 'auth'
  | 'forbidden'
  | 'not-found'
  | 'throttled'
  | 'invalid'
  | 'conflict'
  | 'server'
  | 'aborted';

export interface BackendErrorInit {
  /** HTTP status when the failure came from a response. */
  status?: number;
  /** Milliseconds the server asked us to wait (Retry-After), when known. */
  retryAfterMs?: number;
  /** Machine-readable code from the server, e.g. `kudos.daily-limit`. */
  code?: string;
  cause?: unknown;
}

/**
 * The one error type every backend call rejects with. `message` is written for a human;
 * `kind` is what elements and the client decide on.
 */
export class BackendError extends Error {
  readonly kind: BackendErrorKind;
  readonly status?: number;
  readonly retryAfterMs?: number;
  readonly code?: string;

  constructor(kind: BackendErrorKind, message: string, init: BackendErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'BackendError';
    this.kind = kind;
    this.status = init.status;
    this.retryAfterMs = init.retryAfterMs;
    this.code = init.code;
  }

  /** Whether repeating the same call may succeed. */
  get transient(): boolean {
    return this.kind === 'network' || this.kind === 'throttled' || this.kind === 'server';
  }
}

/** What every layer says when no answer came: the connection, or the caller cancelled. */
export const NETWORK_MESSAGE = 'The server could not be reached. Check the connection and try again.';
export const ABORTED_MESSAGE = 'The request was cancelled.';

export function isBackendError(value: unknown): value is BackendError {
  return value instanceof BackendError || (value instanceof Error && value.name === 'BackendError');
}

/** Wraps anything thrown into a BackendError so callers handle one type. */
export function toBackendError(value: unknown): BackendError {
  if (isBackendError(value)) return value;
  if (value instanceof DOMException && value.name === 'AbortError') {
    return abortedError(value);
  }
  if (value instanceof TypeError) {
    return new BackendError('network', NETWORK_MESSAGE, { cause: value });
  }
  const message = value instanceof Error ? value.message : String(value);
  return new BackendError('server', message || 'Something went wrong.', { cause: value });
}

export function abortedError(cause?: unknown): BackendError {
  return new BackendError('aborted', ABORTED_MESSAGE, { cause });
}

/** Rejects with an `aborted` BackendError if the signal has fired. */
export function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw abortedError();
}

/**
 * Waits for a shared promise, but lets one caller stop waiting when its signal fires: that caller is
 * rejected with an `aborted` error (after `onAbort`), the shared work goes on for the others.
 */
export function untilAborted<T>(shared: Promise<T>, signal?: AbortSignal, onAbort?: () => void): Promise<T> {
  if (!signal) return shared;
  if (signal.aborted) return Promise.reject(abortedError());
  return new Promise<T>((resolve, reject) => {
    const leave = () => {
      reject(abortedError());
      onAbort?.();
    };
    signal.addEventListener('abort', leave, { once: true });
    shared.then(
      (value) => {
        signal.removeEventListener('abort', leave);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', leave);
        reject(error);
      },
    );
  });
}
