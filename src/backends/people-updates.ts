import type { Person } from '../model.js';
import { afterNextPaint } from './after-next-paint.js';

type PeopleListener = (people: readonly Person[]) => void;

/**
 * Newer records of people that a backend learns after it answered (a photo that follows the names),
 * handed to its watchers together once the page has painted: the parts of one response arrive together,
 * so a page of cards re-renders once per response, and never holds back the frame that shows the names.
 * A record is announced as a function, so its cost (turning photo bytes into an object URL) is paid then.
 */
export class PeopleUpdates {
  private readonly listeners = new Set<PeopleListener>();
  private readonly pending = new Map<string, () => Person>();
  private scheduled = false;
  private stopped = false;

  watch(listener: PeopleListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  announce(id: string, record: () => Person): void {
    if (this.stopped) return;
    this.pending.set(id, record);
    if (this.scheduled) return;
    this.scheduled = true;
    afterNextPaint(() => this.flush());
  }

  /** The backend is no longer used: drop what waits and announce nothing more. */
  stop(): void {
    this.stopped = true;
    this.pending.clear();
    this.listeners.clear();
  }

  private flush(): void {
    this.scheduled = false;
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
