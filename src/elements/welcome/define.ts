import { defineElement } from '../../define.js';
import { KringWelcome } from './welcome.js';

/** Importing this module defines the element; the class is exported for `instanceof` and typing. */
export { KringWelcome };

defineElement('kring-welcome', KringWelcome);

declare global {
  interface HTMLElementTagNameMap {
    'kring-welcome': KringWelcome;
  }
}
