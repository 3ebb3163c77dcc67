import { defineElement } from '../../define.js';
import { KringKudosComposer } from './kudos-composer.js';
import '../people-picker/define.js';

/** Importing this module defines the element; the class is exported for `instanceof` and typing. */
export { KringKudosComposer };

defineElement('kring-kudos-composer', KringKudosComposer);

declare global {
  interface HTMLElementTagNameMap {
    'kring-kudos-composer': KringKudosComposer;
  }
}
