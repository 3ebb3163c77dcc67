import { defineElement } from '../../define.js';
import { KringProfileCard } from './profile-card.js';

/** Importing this module defines the element; the class is exported for `instanceof` and typing. */
export { KringProfileCard };

defineElement('kring-profile-card', KringProfileCard);

declare global {
  interface HTMLElementTagNameMap {
    'kring-profile-card': KringProfileCard;
  }
}
