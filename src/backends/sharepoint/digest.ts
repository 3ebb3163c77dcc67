import { BackendError, untilAborted } from '../../errors.js';
import type { Http } from '../http/index.js';
import { isRecord, unwrap, type ODataFlavour, flavourHeaders } from './odata.js';

/** Renew this long before SharePoint's stated expiry, so a digest never dies in flight. */
const SAFETY_MARGIN_MS = 60_000;

export interface DigestSeed {
  value: string;
  /** Epoch ms; default: 25 minutes from now. */
  expiresAt?: number;
}

/**
 * The form digest every cookie-authenticated write needs, from `POST {site}/_api/contextinfo`.
 * Cached until it expires; callers invalidate it once when SharePoint says "security validation … invalid".
 * Concurrent callers share one contextinfo request.
 */
export class DigestCache {
  private value?: string;
  private expiresAt = 0;
  private pending?: Promise<string>;

  constructor(
    private readonly http: Http,
    private readonly flavour: ODataFlavour,
    private readonly now: () => number,
    seed?: DigestSeed,
  ) {
    if (seed) {
      this.value = seed.value;
      this.expiresAt = seed.expiresAt ?? now() + 25 * 60_000;
    }
  }

  async get(signal?: AbortSignal): Promise<string> {
    if (this.value && this.now() < this.expiresAt) return this.value;
    // Shared by concurrent writers, so it is not tied to any one caller's signal.
    this.pending ??= this.fetchDigest().finally(() => {
      this.pending = undefined;
    });
    return untilAborted(this.pending, signal);
  }

  invalidate(): void {
    this.value = undefined;
    this.expiresAt = 0;
  }

  private async fetchDigest(): Promise<string> {
    const body = await this.http.request<unknown>('POST', '/_api/contextinfo', {
      headers: flavourHeaders(this.flavour),
      safe: true,
    });
    const payload = unwrap(body);
    const info =
      isRecord(payload) && isRecord(payload.GetContextWebInformation)
        ? payload.GetContextWebInformation
        : payload;
    const value = isRecord(info) ? info.FormDigestValue : undefined;
    const timeoutSeconds = isRecord(info) ? Number(info.FormDigestTimeoutSeconds) : NaN;
    if (typeof value !== 'string' || value === '') {
      throw new BackendError('server', 'SharePoint did not return a form digest.');
    }
    this.value = value;
    const lifetimeMs = (Number.isFinite(timeoutSeconds) ? timeoutSeconds : 1800) * 1000;
    this.expiresAt = this.now() + Math.max(0, lifetimeMs - SAFETY_MARGIN_MS);
    return value;
  }
}

/**
 * SharePoint pages carry a fresh digest: classic ones in `<input id="__REQUESTDIGEST">`, modern ones in
 * `_spPageContextInfo.formDigestValue`. Using it saves the first `contextinfo` request. It is dated by the
 * timestamp inside it (`0x…,26 Nov 2026 20:00:00 -0000`), as PnPjs does, so a page left open for hours is
 * not trusted blindly.
 */
export function pageDigest(now: () => number = Date.now): DigestSeed | undefined {
  if (typeof document === 'undefined') return undefined;
  const input = document.getElementById('__REQUESTDIGEST');
  const context = (globalThis as { _spPageContextInfo?: { formDigestValue?: unknown } })._spPageContextInfo;
  const value =
    input instanceof HTMLInputElement && input.value
      ? input.value
      : typeof context?.formDigestValue === 'string'
        ? context.formDigestValue
        : '';
  if (!value) return undefined;
  const issued = Date.parse(value.slice(value.indexOf(',') + 1).replace(/ -0000$/, ' GMT'));
  if (Number.isNaN(issued)) return undefined;
  // SharePoint's default lifetime is 30 minutes; renew a minute early.
  const expiresAt = issued + 29 * 60_000;
  return expiresAt > now() ? { value, expiresAt } : undefined;
}
