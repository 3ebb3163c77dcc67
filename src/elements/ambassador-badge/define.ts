import { defineElement } from '../../define.js';
import { KringAmbassadorBadge } from './ambassador-badge.js';

/** Importing this module defines the element; the class is exported for `instanceof` and typing. */
export { KringAmbassadorBadge };

defineElement('kring-ambassador-badge', KringAmbassadorBadge);

declare global {
  interface HTMLElementTagNameMap {
    'kring-ambassador-badge': KringAmbassadorBadge;
  }
}
