import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type LoadStatus = 'initial' | 'pending' | 'complete' | 'error';

interface LoadOptions<A extends readonly unknown[], T> {
  /** Loads for `args`; `signal` aborts when a newer run starts or the host lets go. */
  load: (args: A, signal: AbortSignal) => Promise<T>;
  /** The arguments, read at each update: a run starts when they differ (by `===`) from the last; undefined runs nothing. */
  args: () => A | undefined;
}

/**
 * Loads what an element shows when its arguments change: the part of `@lit/task` a card uses, for
 * less work per element (a page renders hundreds of cards) and fewer bytes. Differences from `Task`:
 * a run that starts while a value is shown keeps it on screen without an update (a photo or an
 * endorsement reloading a card renders it once, when the new value is here, not twice); an update
 * follows the end of every run (and the start of one with nothing shown, to show that it is loading).
 */
export class LoadController<A extends readonly unknown[], T> implements ReactiveController {
  status: LoadStatus = 'initial';
  value?: T;
  error?: unknown;
  private lastArgs?: A;
  private running?: AbortController;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: LoadOptions<A, T>,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const args = this.options.args();
    const last = this.lastArgs;
    if (args && !(last && args.length === last.length && args.every((arg, index) => arg === last[index]))) {
      void this.run(args);
    }
  }

  /** Loads again (with the last arguments, or the current ones); settles when the run has ended. */
  async run(args = this.lastArgs ?? this.options.args()): Promise<void> {
    if (!args) return;
    this.lastArgs = args;
    this.running?.abort();
    const running = (this.running = new AbortController());
    const shown = this.status === 'complete' && this.value !== undefined;
    this.status = 'pending';
    if (!shown) this.host.requestUpdate();
    try {
      const value = await this.options.load(args, running.signal);
      if (running !== this.running) return;
      [this.status, this.value, this.error] = ['complete', value, undefined];
    } catch (error) {
      if (running !== this.running) return;
      [this.status, this.value, this.error] = ['error', undefined, error];
    }
    this.host.requestUpdate();
  }
}
