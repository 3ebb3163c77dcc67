import { defineElement } from '../../define.js';
import { KringAmbassadorBadge } from './ambassador-badge.js';

defineElement('kring-ambassador-badge', KringAmbassadorBadge);

declare global {
  interface HTMLElementTagNameMap {
    'kring-ambassador-badge': KringAmbassadorBadge;
  }
}
