import { abortedError, BackendError, untilAborted } from '../../errors.js';
import { inBackground } from '../background-task.js';
import { backoffDelay, errorFromResponse, parseDelayValue, type Http } from '../http/index.js';

/** Microsoft Graph takes at most 20 requests in one `$batch`. */
export const MAX_BATCH_REQUESTS = 20;

export interface BatchPartRequest {
  method: 'GET';
  /** Relative to the version root, e.g. `/users/{id}/photos/96x96/$value`. */
  url: string;
  headers?: Record<string, string>;
}

/** One part's answer, as Graph sends it: binary bodies arrive base64-encoded. */
export interface BatchPartResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export interface GraphBatcherOptions {
  http: Http;
  /** `v1.0` or `beta`: a batch only holds requests of its own version. */
  version: 'v1.0' | 'beta';
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  random: () => number;
  /**
   * Re-sends of throttled parts before their last answer is returned as it is. Default 0: the client
   * retries the read (one retry layer).
   */
  partRetries?: number;
  /** A part asking for a longer wait than this is not retried. Default 60 000 ms. */
  maxRetryAfterMs?: number;
  /** Called for every `$batch` sent, with the number of parts (for tests and logs). */
  onBatch?: (size: number) => void;
}

/**
 * `first` parts (names) leave at the end of the run of code that asked for them. `company` parts (the
 * signed-in user, which the client asks for as it starts, a moment before the page's cards ask for their
 * people) wait up to two tasks for `first` parts and leave in their batch, alone only when none come.
 * `later` parts (photos) fill the room left in the last batch of `first` parts when that saves a request;
 * the rest go out in a background task after every batch with a `first` part has answered, so they never
 * hold up the names.
 */
export type PartPriority = 'first' | 'company' | 'later';

interface Pending {
  request: BatchPartRequest;
  resolve: (response: BatchPartResponse) => void;
  reject: (error: unknown) => void;
}

/** Statuses of a part worth sending again: Graph throttled it or was briefly unavailable. */
const RETRY_PART_STATUSES = new Set([429, 503, 504]);

/**
 * Packs part requests from every caller into `$batch` requests of at most 20. Parts submitted in the
 * same run of code share batches, so two look-ups of 100 people made together cost 11 batches, not 12.
 * A part that fails alone (its own 429 with its own Retry-After) is re-sent alone with the other failed
 * parts of its batch, after the longest wait among them; the parts that succeeded are not repeated.
 */
export class GraphBatcher {
  private queue: Pending[] = [];
  private companyQueue: Pending[] = [];
  private laterQueue: Pending[] = [];
  private flushScheduled = false;
  /** The running wait for company; once it has ended, `company` parts leave even alone. */
  private companyWait: { ended: boolean } | undefined;
  /** Timers and tasks this batcher set, cancelled on dispose. */
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private readonly cancels = new Set<() => void>();
  /** Batches holding a `first` part that have not been answered yet (retries included). */
  private firstInFlight = 0;
  private disposed = false;

  constructor(private readonly options: GraphBatcherOptions) {}

  submit(
    request: BatchPartRequest,
    signal?: AbortSignal,
    priority: PartPriority = 'first',
  ): Promise<BatchPartResponse> {
    if (signal?.aborted || this.disposed) return Promise.reject(abortedError());
    const answer = new Promise<BatchPartResponse>((resolve, reject) => {
      const queue = { first: this.queue, company: this.companyQueue, later: this.laterQueue }[priority];
      queue.push({ request, resolve, reject });
    });
    this.scheduleFlush();
    // A caller that gives up stops waiting; the shared batch still serves the other callers.
    return untilAborted(answer, signal);
  }

  /** The backend is no longer used: parts not sent yet are dropped (their callers get `aborted`). */
  dispose(): void {
    this.disposed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const cancel of this.cancels) cancel();
    this.cancels.clear();
    const queued = [...this.queue.splice(0), ...this.companyQueue.splice(0), ...this.laterQueue.splice(0)];
    for (const part of queued) part.reject(abortedError());
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    // A microtask: parts submitted in the same run of code (the client sends its chunks in one loop) share
    // batches, and nothing waits for a timer; the client has already collected the page's look-ups.
    queueMicrotask(() => this.flush());
  }

  /** Runs `then` in a later task: a timer, never a frame (an adapter does not schedule by painting). */
  private afterTasks(hops: number, then: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.disposed) hops > 1 ? this.afterTasks(hops - 1, then) : then();
    }, 0);
    this.timers.add(timer);
  }

  private laterFlush(): void {
    const cancel = inBackground(() => {
      this.cancels.delete(cancel);
      if (!this.disposed) this.scheduleFlush();
    });
    this.cancels.add(cancel);
  }

  private flush(): void {
    this.flushScheduled = false;
    if (this.disposed) return;
    if (this.queue.length === 0 && this.companyQueue.length > 0 && !this.companyWait?.ended) {
      // Two tasks: the client's look-up window opened in the task that asked for the user (a timer of 0)
      // has ended by then, so the page's first look-ups are queued and the user rides in their batch.
      if (!this.companyWait) {
        const wait = { ended: false };
        this.companyWait = wait;
        this.afterTasks(2, () => {
          if (this.companyWait !== wait) return;
          wait.ended = true;
          this.scheduleFlush();
        });
      }
      return;
    }
    const first = [...this.companyQueue.splice(0), ...this.queue];
    this.companyWait = undefined;
    const later = this.laterQueue.splice(0, this.roomForLater(first.length));
    this.queue = [];
    const waiting = first.length > 0 || this.firstInFlight > 0;
    const queued = waiting ? [...first, ...later] : [...first, ...later, ...this.laterQueue.splice(0)];
    for (let start = 0; start < queued.length; start += MAX_BATCH_REQUESTS) {
      const parts = queued.slice(start, start + MAX_BATCH_REQUESTS);
      if (start >= first.length) {
        void this.send(parts, 0);
        continue;
      }
      this.firstInFlight += 1;
      void this.send(parts, 0).finally(() => {
        this.firstInFlight -= 1;
        // A background task: what the names' answer starts (cards rendering them) and the frame that
        // shows them come first; sending ten batches of photos (their JSON, their fetches) waits.
        if (this.firstInFlight === 0 && this.laterQueue.length) this.laterFlush();
      });
    }
  }

  /**
   * How many `later` parts (photos) join the last batch of `first` parts (names). A batch answers when its
   * slowest part has, and a photo comes from the user's mailbox, not the directory: the names wait for
   * photos only when that saves a request. (200 cards: 14 name parts alone, then 200 photos in 10 full
   * batches — the same 11 requests as 14 + 6 and 194; 45 cards: 3 name parts and 17 photos, 3 requests
   * instead of 4.)
   */
  private roomForLater(firstCount: number): number {
    const laterCount = this.laterQueue.length;
    if (firstCount === 0 || laterCount === 0) return 0;
    const batches = (parts: number) => Math.ceil(parts / MAX_BATCH_REQUESTS);
    if (batches(firstCount + laterCount) >= batches(firstCount) + batches(laterCount)) return 0;
    return (MAX_BATCH_REQUESTS - (firstCount % MAX_BATCH_REQUESTS)) % MAX_BATCH_REQUESTS;
  }

  private async send(parts: Pending[], round: number): Promise<void> {
    const { http, version } = this.options;
    const requests = parts.map((part, index) => ({ id: String(index + 1), ...part.request }));
    let responses: unknown[];
    try {
      this.options.onBatch?.(requests.length);
      const body = await http.request<{ responses?: unknown[] }>('POST', `/${version}/$batch`, {
        body: { requests },
        // Only reads go in these batches, so the whole batch may be repeated like a GET.
        safe: true,
      });
      responses = Array.isArray(body?.responses) ? body.responses : [];
    } catch (error) {
      for (const part of parts) part.reject(error);
      return;
    }
    const byId = new Map<string, BatchPartResponse>();
    for (const raw of responses) {
      if (typeof raw !== 'object' || raw === null) continue;
      const record = raw as Record<string, unknown>;
      byId.set(String(record.id), {
        status: Number(record.status) || 0,
        headers: lowerCaseKeys(record.headers),
        body: record.body,
      });
    }
    const failed: Pending[] = [];
    // The last answer of each failed part, returned as it is when retries run out.
    const lastAnswers = new Map<Pending, BatchPartResponse | undefined>();
    let longestWaitMs: number | undefined;
    requests.forEach((request, index) => {
      const part = parts[index];
      const response = byId.get(request.id);
      if (response && !RETRY_PART_STATUSES.has(response.status)) {
        part.resolve(response);
        return;
      }
      const waitMs = response ? parseDelayValue(response.headers['retry-after']) : undefined;
      if (waitMs !== undefined) longestWaitMs = Math.max(longestWaitMs ?? 0, waitMs);
      failed.push(part);
      lastAnswers.set(part, response);
    });
    if (failed.length === 0) return;
    const maxWait = this.options.maxRetryAfterMs ?? 60_000;
    if (round >= (this.options.partRetries ?? 0) || (longestWaitMs ?? 0) > maxWait) {
      for (const part of failed) {
        const last = lastAnswers.get(part);
        if (last) part.resolve(last);
        else part.reject(new BackendError('server', 'Microsoft Graph did not answer every request.'));
      }
      return;
    }
    const waitMs = longestWaitMs ?? backoffDelay(round, { baseMs: 300, maxMs: 10_000 }, this.options.random);
    try {
      await this.options.sleep(waitMs);
    } catch (error) {
      for (const part of failed) part.reject(error);
      return;
    }
    await this.send(failed, round + 1);
  }
}

/** A failed part as a BackendError, read from Graph's `{ error: { code, message } }` body. */
export function partError(response: BatchPartResponse): BackendError {
  const body = response.body === undefined ? '' : JSON.stringify(response.body);
  const retryAfterMs = parseDelayValue(response.headers['retry-after']);
  return errorFromResponse(response.status, body, 'application/json', retryAfterMs);
}

export function isSuccess(response: BatchPartResponse): boolean {
  return response.status >= 200 && response.status < 300;
}

function lowerCaseKeys(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof value !== 'object' || value === null) return out;
  for (const [key, header] of Object.entries(value)) out[key.toLowerCase()] = String(header);
  return out;
}
