import { defineElement } from '../../define.js';
import { KringPioneers } from './pioneers.js';

/** Importing this module defines the element; the class is exported for `instanceof` and typing. */
export { KringPioneers };

defineElement('kring-pioneers', KringPioneers);

declare global {
  interface HTMLElementTagNameMap {
    'kring-pioneers': KringPioneers;
  }
}
