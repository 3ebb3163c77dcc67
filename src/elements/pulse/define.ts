import { defineElement } from '../../define.js';
import { KringPulse } from './pulse.js';

defineElement('kring-pulse', KringPulse);

declare global {
  interface HTMLElementTagNameMap {
    'kring-pulse': KringPulse;
  }
}
