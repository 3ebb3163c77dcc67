import type { Person } from '../model.js';

type PeopleListener = (people: readonly Person[]) => void;

/**
 * Newer records of people that a backend learns after it answered (a photo that follows the names),
 * handed to its watchers a task's worth at a time: the parts of one response arrive together, so a page
 * of cards re-renders once per response, not once per person.
 */
export class PeopleUpdates {
  private readonly listeners = new Set<PeopleListener>();
  private readonly pending = new Map<string, Person>();
  private scheduled = false;

  watch(listener: PeopleListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  announce(person: Person): void {
    this.pending.set(person.id, person);
    if (this.scheduled) return;
    this.scheduled = true;
    setTimeout(() => this.flush(), 0);
  }

  private flush(): void {
    this.scheduled = false;
    const people = [...this.pending.values()];
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
