import type { Backend } from '../../src/backends/backend.js';
import type { Person } from '../../src/model.js';

/**
 * A backend over `base` that answers people (and search results) with their photo still on its way,
 * as the Graph adapter does, and lets the test send the newer records the way `watchPeople` would.
 */
export function photosLater(base: Backend): {
  backend: Backend;
  sendLater: (people: readonly Person[]) => void;
  searches: () => number;
} {
  let listener: ((people: readonly Person[]) => void) | undefined;
  let searches = 0;
  const pending = (person: Person): Person => ({ ...person, photoPending: true });
  const backend = Object.assign(Object.create(base) as Backend, {
    getPeople: async (...args: Parameters<Backend['getPeople']>) =>
      (await base.getPeople(...args)).map((person) => person && pending(person)),
    searchPeople: async (...args: Parameters<Backend['searchPeople']>) => {
      searches++;
      const result = await base.searchPeople(...args);
      return { ...result, items: result.items.map((match) => ({ ...match, person: pending(match.person) })) };
    },
    watchPeople: (watch: (people: readonly Person[]) => void) => {
      listener = watch;
      return () => (listener = undefined);
    },
  });
  return {
    backend,
    sendLater: (people) => listener!(people),
    searches: () => searches,
  };
}

/** A 1×1 image as an object URL: a photo for a test to hand out. */
export function tinyPhotoUrl(): string {
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>';
  return URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
}

/**
 * What a person's avatar shows, as a sighted user sees it: their `photo` (an image), their `initials`,
 * a plain `circle` (a visible round shape with neither, while the photo is on its way) or `nothing`.
 */
export function avatarShows(avatar: Element): 'photo' | 'initials' | 'circle' | 'nothing' {
  if (avatar.localName === 'img' || avatar.querySelector('img')) return 'photo';
  if (avatar.textContent!.trim()) return 'initials';
  const box = avatar.getBoundingClientRect();
  const round = getComputedStyle(avatar).borderRadius === '50%';
  return box.width > 0 && box.height > 0 && round ? 'circle' : 'nothing';
}
