import { defineElement } from '../../define.js';
import { KringAmbassadorProgramme } from './ambassador-programme.js';

// The programme shows the member's badges and lets managers pick a colleague.
import '../ambassador-badge/define.js';
import '../people-picker/define.js';

/** Importing this module defines the element; the class is exported for `instanceof` and typing. */
export { KringAmbassadorProgramme };

defineElement('kring-ambassador-programme', KringAmbassadorProgramme);

declare global {
  interface HTMLElementTagNameMap {
    'kring-ambassador-programme': KringAmbassadorProgramme;
  }
}
