/**
 * What the demo backend persists. The generated data set is never stored: it is regenerated from the seed
 * on every load. What is stored is the delta, a log of named operations (`kudos.give`, `endorsement.add`…)
 * that each domain module defines with `DemoStore.defineOp`; on load the log is replayed on top of the
 * generated data. The idempotency map (key → first result) is stored with it, so a retried write after a
 * reload still returns its first result.
 */

/** The part of the Web Storage API the store uses. */
export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

interface LoggedOp {
  op: string;
  payload: unknown;
}

interface PersistedDelta {
  version: 1;
  ops: LoggedOp[];
  idempotency: [string, unknown][];
}

/** Persisted delta budget in characters (localStorage holds about 5 million per origin). */
export const MAX_PERSISTED_CHARS = 1_500_000;

/** The operation that records tracked activity (activity.ts defines it), the first to be dropped. */
export const TRACK_OP = 'activity.track';

/** Oldest idempotency entries are forgotten past this many, to bound storage. */
const MAX_IDEMPOTENCY_ENTRIES = 2000;

export function defaultStorage(): StorageLike | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // Some sandboxed iframes throw on access.
    return null;
  }
}

/** The persisted log of named operations and the idempotency map, under one storage key. */
export class OpLog {
  private readonly appliers = new Map<string, (payload: never) => void>();
  private readonly log: LoggedOp[] = [];
  private readonly idempotency = new Map<string, unknown>();
  private warnedAboutStorage = false;

  constructor(
    private readonly storage: StorageLike | null,
    private readonly storageKey: string,
    /** Called after every applied operation, new or replayed. */
    private readonly onApplied: () => void,
  ) {}

  /**
   * Registers a named write. The returned function applies it now and logs it for persistence;
   * on load, logged payloads are applied again through the same function. Payloads must be JSON.
   */
  define<Payload>(name: string, apply: (payload: Payload) => void): (payload: Payload) => void {
    if (this.appliers.has(name)) throw new Error(`Demo store operation ${name} is defined twice.`);
    this.appliers.set(name, apply as (payload: never) => void);
    return (payload: Payload) => {
      apply(payload);
      this.onApplied();
      this.log.push({ op: name, payload });
      this.save();
    };
  }

  /** Replays the persisted delta; call once after every module has defined its operations. */
  restore(): void {
    const delta = this.read();
    if (!delta) return;
    for (const entry of delta.ops) {
      const apply = this.appliers.get(entry.op) as ((payload: unknown) => void) | undefined;
      if (!apply) {
        console.warn(`Kring demo backend: skipping unknown stored operation "${entry.op}".`);
        continue;
      }
      try {
        apply(entry.payload);
        this.log.push(entry);
        this.onApplied();
      } catch (error) {
        console.warn(`Kring demo backend: could not replay stored operation "${entry.op}".`, error);
      }
    }
    for (const [key, result] of delta.idempotency) this.idempotency.set(key, result);
  }

  /**
   * Runs a write once per idempotency key: a repeat returns (a copy of) the first result and
   * changes nothing. Failed writes are not remembered, so they can be retried.
   */
  idempotent<T>(key: string, run: () => T): T {
    if (this.idempotency.has(key)) return structuredClone(this.idempotency.get(key)) as T;
    const result = run();
    this.idempotency.set(key, structuredClone(result));
    while (this.idempotency.size > MAX_IDEMPOTENCY_ENTRIES) {
      this.idempotency.delete(this.idempotency.keys().next().value as string);
    }
    this.save();
    return structuredClone(result);
  }

  /** Forgets every persisted write (the next load starts from the generated data). */
  clear(): void {
    this.storage?.removeItem(this.storageKey);
  }

  /** How many writes are in the persisted delta. */
  get size(): number {
    return this.log.length;
  }

  private read(): PersistedDelta | undefined {
    if (!this.storage) return undefined;
    try {
      const text = this.storage.getItem(this.storageKey);
      if (!text) return undefined;
      const parsed = JSON.parse(text) as PersistedDelta;
      return parsed.version === 1 && Array.isArray(parsed.ops) ? parsed : undefined;
    } catch (error) {
      console.warn('Kring demo backend: ignoring unreadable stored demo data.', error);
      return undefined;
    }
  }

  private save(): void {
    if (!this.storage) return;
    const serialise = () =>
      JSON.stringify({
        version: 1,
        ops: this.log,
        idempotency: [...this.idempotency],
      } satisfies PersistedDelta);
    let text = serialise();
    // Tracked activity is the only part that grows with every page view: past the budget, the
    // oldest tracked events are no longer persisted (they stay in memory for this session).
    while (text.length > MAX_PERSISTED_CHARS) {
      const oldest = this.log.findIndex((entry) => entry.op === TRACK_OP);
      if (oldest < 0) break;
      this.log.splice(oldest, 1);
      text = serialise();
    }
    try {
      this.storage.setItem(this.storageKey, text);
    } catch (error) {
      // Quota exceeded or storage disabled: keep working in memory.
      if (!this.warnedAboutStorage) console.warn('Kring demo backend: could not persist demo data.', error);
      this.warnedAboutStorage = true;
    }
  }
}
