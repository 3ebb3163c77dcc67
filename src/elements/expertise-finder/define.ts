import { defineElement } from '../../define.js';
import { KringExpertiseFinder } from './expertise-finder.js';

defineElement('kring-expertise-finder', KringExpertiseFinder);

declare global {
  interface HTMLElementTagNameMap {
    'kring-expertise-finder': KringExpertiseFinder;
  }
}
