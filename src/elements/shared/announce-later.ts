/**
 * `announce()` for the elements of the script-tag core: the page's announcement queue (`announcer.ts`)
 * loads with the first announcement, so a page of cards, which says nothing until the user acts, does
 * not download it (issue 18). Messages keep their order: each waits for the same import.
 */
let queue: Promise<(typeof import('./announcer.js'))['announce']> | undefined;

/** Says `text` politely through the page's queue, on behalf of `source`, in `lang`. */
export function announce(source: Element, text: string, lang: string): void {
  (queue ??= import('./announcer.js').then((announcer) => announcer.announce)).then(
    (say) => say(source, text, lang),
    (error: unknown) => {
      // Offline, most likely: the next announcement asks again.
      queue = undefined;
      console.error('[kring] An announcement could not be made: its code did not load.', error);
    },
  );
}
