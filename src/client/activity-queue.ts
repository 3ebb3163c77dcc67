import type { ActivityEvent } from '../model.js';
import type { Timing } from './timing.js';

export interface ActivityQueueOptions {
  flushMs: number;
  /** Events kept while sending fails; the oldest are dropped beyond this. */
  maxQueued: number;
  timing: Timing;
  send: (events: ActivityEvent[]) => Promise<void>;
  /** Synchronous send while the page unloads; false when not possible. */
  beacon?: (events: ActivityEvent[]) => boolean;
}

/**
 * Collects activity events and sends them in batches. Failures never reach the UI:
 * events go back into the queue (bounded) and are tried with the next flush.
 */
export class ActivityQueue {
  #queued: ActivityEvent[] = [];
  #timer?: number;
  #disposed = false;

  readonly #options: ActivityQueueOptions;

  constructor(options: ActivityQueueOptions) {
    this.#options = options;
  }

  get size(): number {
    return this.#queued.length;
  }

  push(event: ActivityEvent): void {
    this.#queued.push(event);
    this.#trim();
    this.#schedule();
  }

  clear(): void {
    this.#queued = [];
    this.#cancelTimer();
  }

  async flush(useBeacon = false): Promise<void> {
    this.#cancelTimer();
    const events = this.#queued;
    this.#queued = [];
    if (!events.length) return;
    if (useBeacon && this.#options.beacon?.(events)) return;
    try {
      await this.#options.send(events);
    } catch {
      this.#requeue(events);
      this.#schedule();
    }
  }

  dispose(): void {
    this.#disposed = true;
    this.#cancelTimer();
  }

  /** Failed events are older than anything queued since, so they go first. */
  #requeue(events: ActivityEvent[]): void {
    this.#queued = [...events, ...this.#queued];
    this.#trim();
  }

  #trim(): void {
    const overflow = this.#queued.length - this.#options.maxQueued;
    if (overflow > 0) this.#queued.splice(0, overflow);
  }

  #schedule(): void {
    if (this.#disposed || this.#timer !== undefined) return;
    this.#timer = this.#options.timing.setTimeout(() => {
      this.#timer = undefined;
      void this.flush();
    }, this.#options.flushMs);
  }

  #cancelTimer(): void {
    if (this.#timer !== undefined) this.#options.timing.clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
