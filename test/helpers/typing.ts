import { sendKeys } from '@web/test-runner-commands';
import { KringExpertiseFinder } from '../../src/elements/expertise-finder/expertise-finder.js';
import { KringPeoplePicker } from '../../src/elements/people-picker/people-picker.js';

/**
 * Types `text` into the focused search field as one burst, the way a person types a word. The search
 * debounce of `<kring-expertise-finder>` and `<kring-people-picker>` is held open until the last key,
 * however slowly the keys arrive on a busy machine, so the burst makes exactly one search, for the
 * whole text, once typing pauses. (Plain `sendKeys` lets the debounce fire between two slow keys.)
 */
export async function typeBurst(text: string): Promise<void> {
  const finderDelay = KringExpertiseFinder.debounceMs;
  const pickerDelay = KringPeoplePicker.searchDelayMs;
  if (text.length > 1) {
    KringExpertiseFinder.debounceMs = 600_000;
    KringPeoplePicker.searchDelayMs = 600_000;
    try {
      await sendKeys({ type: text.slice(0, -1) });
    } finally {
      KringExpertiseFinder.debounceMs = finderDelay;
      KringPeoplePicker.searchDelayMs = pickerDelay;
    }
  }
  await sendKeys({ type: text.slice(-1) });
}
