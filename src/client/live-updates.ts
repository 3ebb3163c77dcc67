import type { Backend, LiveEvent } from '../backends/backend.js';
import { isBackendError } from '../errors.js';
import { backoffDelay, sleep, type Timing } from './timing.js';

export interface LiveUpdatesOptions {
  backend: Backend;
  timing: Timing;
  /** Called for every event, in order, once (a resumed stream starts after the last id seen). */
  apply: (event: LiveEvent) => void;
  /** Resolves when the browser comes back online: a waiting reconnect goes at once. */
  wake: () => Promise<void>;
  /** Reconnect backoff; defaults 1 s base, 30 s cap (with full jitter). */
  backoff?: { baseMs: number; maxMs: number };
}

/**
 * Keeps the backend's event stream open while started: reconnects with backoff (full jitter) after a
 * drop, resuming after the last event id seen, and gives up for good when the backend says it has no
 * stream. Events are handed to `apply` as they come.
 */
export class LiveUpdates {
  private controller?: AbortController;
  private lastEventId?: string;
  /** False once the backend said it has no stream: never asked again. */
  private offered = true;
  /** True once connected and told where the stream starts (`ready`). */
  connected = false;

  constructor(private readonly options: LiveUpdatesOptions) {}

  get running(): boolean {
    return this.controller !== undefined;
  }

  start(): void {
    if (this.controller || !this.offered || typeof this.options.backend.streamEvents !== 'function') return;
    const controller = new AbortController();
    this.controller = controller;
    void this.run(controller.signal).finally(() => {
      if (this.controller === controller) this.controller = undefined;
      this.connected = false;
    });
  }

  /** Stops; `forget` also drops the resume point (another user signs in). */
  stop(forget = false): void {
    this.controller?.abort();
    this.controller = undefined;
    this.connected = false;
    if (forget) this.lastEventId = undefined;
  }

  private async run(signal: AbortSignal): Promise<void> {
    const { backend, timing } = this.options;
    const backoff = this.options.backoff ?? { baseMs: 1_000, maxMs: 30_000 };
    let attempt = 0;
    while (!signal.aborted) {
      try {
        const offered = await backend.streamEvents!({
          lastEventId: this.lastEventId,
          signal,
          onEvent: (event) => {
            if (signal.aborted) return;
            if (event.id) this.lastEventId = event.id;
            attempt = 0;
            if (event.type === 'ready') this.connected = true;
            else this.options.apply(event);
          },
        });
        if (offered === false) {
          this.offered = false;
          return;
        }
      } catch (error) {
        if (signal.aborted || (isBackendError(error) && error.kind === 'aborted')) return;
      }
      this.connected = false;
      try {
        await sleep(backoffDelay(attempt++, backoff, timing.random), timing, signal, this.options.wake());
      } catch {
        return;
      }
    }
  }
}
