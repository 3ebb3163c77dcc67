import { defineElement } from '../../define.js';
import { KringProfileCard } from './profile-card.js';

defineElement('kring-profile-card', KringProfileCard);

declare global {
  interface HTMLElementTagNameMap {
    'kring-profile-card': KringProfileCard;
  }
}
