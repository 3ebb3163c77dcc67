import type { Person } from '../model.js';
import { inBackground } from './background-task.js';

type PeopleListener = (people: readonly Person[]) => void;

/**
 * Newer records of people that a backend learns after it answered (a photo that follows the names),
 * handed to its watchers together in a later task of background priority (`inBackground`): the parts of
 * one response are read in one task, so a page of cards re-renders once per response, after what that
 * task started (cards rendering the names that came in the same response) and after the rendering the
 * browser has due. A task, not a frame: an adapter does not schedule by painting.
 * A record is announced as a function, so its cost (turning photo bytes into an object URL) is paid then.
 */
export class PeopleUpdates {
  private readonly listeners = new Set<PeopleListener>();
  private readonly pending = new Map<string, () => Person>();
  private cancel: (() => void) | undefined;
  private stopped = false;

  watch(listener: PeopleListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  announce(id: string, record: () => Person): void {
    if (this.stopped) return;
    this.pending.set(id, record);
    this.cancel ??= inBackground(() => this.flush());
  }

  /** The backend is no longer used: drop what waits and announce nothing more. */
  stop(): void {
    this.stopped = true;
    this.cancel?.();
    this.pending.clear();
    this.listeners.clear();
  }

  private flush(): void {
    this.cancel = undefined;
    if (this.stopped) return;
    const people = [...this.pending.values()].map((record) => record());
    this.pending.clear();
    for (const listener of [...this.listeners]) {
      try {
        listener(people);
      } catch (error) {
        console.error('kring: a people watcher failed', error);
      }
    }
  }
}
