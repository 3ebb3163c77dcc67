import { defineElement } from '../../define.js';
import { KringPulse } from './pulse.js';

/** Importing this module defines the element; the class is exported for `instanceof` and typing. */
export { KringPulse };

defineElement('kring-pulse', KringPulse);

declare global {
  interface HTMLElementTagNameMap {
    'kring-pulse': KringPulse;
  }
}
