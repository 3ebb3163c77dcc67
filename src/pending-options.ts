import type { KringOptions } from './configure.js';

/**
 * Settings given before the Kring core has loaded (by the script-tag loader's `Kring.configure`, or
 * by a page script that runs first). A global queue under a registered symbol, so separately built
 * scripts share it; the core applies it before it defines any element.
 */
const queueKey = Symbol.for('kring.pendingOptions');
type Holder = Record<symbol, KringOptions[] | undefined>;

export function queueOptions(options: KringOptions): void {
  ((globalThis as unknown as Holder)[queueKey] ??= []).push(options);
}

/** Empties the queue and returns what was in it, oldest first. */
export function takeQueuedOptions(): KringOptions[] {
  return (globalThis as unknown as Holder)[queueKey]?.splice(0) ?? [];
}
