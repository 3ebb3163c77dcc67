import { defineElement } from '../../define.js';
import { KringExpertiseFinder } from './expertise-finder.js';

/** Importing this module defines the element; the class is exported for `instanceof` and typing. */
export { KringExpertiseFinder };

defineElement('kring-expertise-finder', KringExpertiseFinder);

declare global {
  interface HTMLElementTagNameMap {
    'kring-expertise-finder': KringExpertiseFinder;
  }
}
