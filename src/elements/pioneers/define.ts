import { defineElement } from '../../define.js';
import { KringPioneers } from './pioneers.js';

defineElement('kring-pioneers', KringPioneers);

declare global {
  interface HTMLElementTagNameMap {
    'kring-pioneers': KringPioneers;
  }
}
