import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Task } from '@lit/task';
import { BackendError, toBackendError } from '../../errors.js';

export type SearchStatus = 'idle' | 'loading' | 'done' | 'error';

export interface LatestSearchOptions<Request, Result> {
  /** Quiet time after the last keystroke before a request goes out, read at each keystroke. */
  debounceMs: () => number;
  /** Performs one request; must honour the signal. */
  run: (request: Request, signal: AbortSignal) => Promise<Result>;
  /** Identifies equal requests, so repeating the shown one sends nothing. */
  key: (request: Request) => string;
  /** Called with each result that is shown (not with stale or aborted ones). */
  onResult?: (request: Request, result: Result, quiet: boolean) => void;
}

/**
 * Runs "search as you type" requests so that only the newest one counts: input is debounced, and the
 * requests go through a lit `Task` (the one async pattern), which aborts the one in flight when a newer
 * one starts and shows only the newest answer; a cancelled one is dropped even if its backend ignored
 * the abort.
 */
export class LatestSearch<Request, Result> implements ReactiveController {
  status: SearchStatus = 'idle';
  /** The request whose answer is shown or awaited. */
  request?: Request;
  /** The last result shown; kept while a newer request loads so the list does not flash. */
  result?: Result;
  error?: BackendError;

  private timer?: ReturnType<typeof setTimeout>;
  /** The request waiting for its debounce time. */
  private scheduled?: Request;
  /** A request that was waiting or in flight when the host left the page: sent again when it comes back. */
  private interrupted?: Request;
  /** Whether the newest request is on its way (not answered, failed or cancelled yet). */
  private inFlight = false;
  private shownKey?: string;
  /** Whether the newest request keeps the shown result (the only one whose answer counts). */
  private quiet = false;
  private readonly task: Task<readonly [Request], Result>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: LatestSearchOptions<Request, Result>,
  ) {
    host.addController(this);
    this.task = new Task(host, {
      autoRun: false,
      task: async ([request], { signal }) => {
        const result = await options.run(request, signal);
        signal.throwIfAborted();
        return result;
      },
      onComplete: (result) => {
        this.inFlight = false;
        this.result = result;
        this.status = 'done';
        options.onResult?.(this.request!, result, this.quiet);
      },
      onError: (error) => {
        this.inFlight = false;
        const problem = toBackendError(error);
        // A failed background refresh leaves the shown result alone.
        if (problem.kind === 'aborted' || this.quiet) return;
        this.error = problem;
        this.status = 'error';
      },
    });
  }

  /** Moved in the page (disconnected, then connected again) mid-search: that search goes out again. */
  hostConnected(): void {
    const request = this.interrupted;
    this.interrupted = undefined;
    if (request !== undefined) void this.now(request, true);
  }

  hostDisconnected(): void {
    this.interrupted = this.pending ? this.scheduled : this.inFlight ? this.request : undefined;
    this.cancel();
  }

  /** Sends the request after the debounce time, unless another one comes first. */
  schedule(request: Request): void {
    clearTimeout(this.timer);
    this.scheduled = request;
    this.timer = setTimeout(() => void this.now(request), this.options.debounceMs());
  }

  /**
   * Sends the request at once (Enter, a filter, retry). `force` repeats an equal request; `quiet`
   * keeps the shown result (no loading state) until the new one arrives, for background refreshes.
   */
  async now(request: Request, force = false, quiet = false): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.scheduled = undefined;
    const key = this.options.key(request);
    if (!force && key === this.shownKey && (this.status === 'done' || this.status === 'loading')) return;
    this.shownKey = key;
    this.request = request;
    this.quiet = quiet;
    this.inFlight = true;
    if (!quiet) {
      this.status = 'loading';
      this.error = undefined;
      this.host.requestUpdate();
    }
    await this.task.run([request]);
  }

  /** Fetches the shown request again without a loading state (the data behind it changed). */
  refresh(): void {
    if (this.status !== 'done' || !this.request || this.pending) return;
    void this.now(this.request, true, true);
  }

  /** Stops the pending debounce and the request in flight; shows nothing. */
  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.scheduled = undefined;
    this.inFlight = false;
    this.task.abort();
  }

  /** Back to nothing shown (an empty query). */
  reset(): void {
    this.cancel();
    this.interrupted = undefined;
    this.status = 'idle';
    this.request = undefined;
    this.result = undefined;
    this.error = undefined;
    this.shownKey = undefined;
    this.host.requestUpdate();
  }

  /** Whether a request is waiting for its debounce time. */
  get pending(): boolean {
    return this.timer !== undefined;
  }
}

export { BackendError };
