import { defineElement } from '../../define.js';
import { KringWelcome } from './welcome.js';

defineElement('kring-welcome', KringWelcome);

declare global {
  interface HTMLElementTagNameMap {
    'kring-welcome': KringWelcome;
  }
}
