import { defineElement } from '../../define.js';
import { KringPeoplePicker } from './people-picker.js';

/** Importing this module defines the element; the class is exported for `instanceof` and typing. */
export { KringPeoplePicker };

defineElement('kring-people-picker', KringPeoplePicker);

declare global {
  interface HTMLElementTagNameMap {
    'kring-people-picker': KringPeoplePicker;
  }
}
