import type { Person } from '../model.js';

/**
 * Dense numbering of people (0…n-1) so per-person state lives in typed arrays, not objects.
 * Actors not in the directory get numbers after the directory's, on first sight.
 */
export class PeopleIndex {
  readonly byId = new Map<string, number>();
  /** Sorted department names; `departmentOf[i]` indexes into it, -1 when unknown. */
  readonly departments: string[];
  departmentOf: Int32Array;
  readonly isManagement: Uint8Array;
  readonly directorySize: number;
  private size: number;

  constructor(readonly people: readonly Person[]) {
    this.directorySize = people.length;
    this.size = people.length;
    const names = new Set<string>();
    for (const person of people) if (person.department) names.add(person.department);
    this.departments = [...names].sort((a, b) => a.localeCompare(b));
    const departmentNumber = new Map(this.departments.map((name, index) => [name, index]));
    this.departmentOf = new Int32Array(people.length);
    this.isManagement = new Uint8Array(people.length);
    people.forEach((person, index) => {
      this.byId.set(person.id, index);
      this.departmentOf[index] = person.department ? departmentNumber.get(person.department)! : -1;
      this.isManagement[index] = person.isManagement ? 1 : 0;
    });
    // Also find people by e-mail (invites name the invitee by address).
    people.forEach((person, index) => {
      const email = person.email?.toLowerCase();
      if (email && !this.byId.has(email)) this.byId.set(email, index);
    });
  }

  /** How many numbers are handed out so far (directory plus unknown actors). */
  get count(): number {
    return this.size;
  }

  /** The number of a person id, handing out a new one for an unknown actor. */
  numberOf(id: string): number {
    let index = this.byId.get(id);
    if (index === undefined) {
      index = this.size++;
      this.byId.set(id, index);
    }
    return index;
  }

  /** The department number of a person id, -1 when unknown. */
  departmentOfId(id: string): number {
    const index = this.byId.get(id);
    return index === undefined || index >= this.directorySize ? -1 : this.departmentOf[index];
  }
}

/** A typed array that doubles when an index outgrows it. */
export function grown<T extends Uint8Array | Uint32Array>(array: T, needed: number): T {
  if (needed < array.length) return array;
  const bigger = new (array.constructor as new (length: number) => T)(Math.max(needed + 1, array.length * 2));
  bigger.set(array);
  return bigger;
}
