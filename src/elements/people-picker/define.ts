import { defineElement } from '../../define.js';
import { KringPeoplePicker } from './people-picker.js';

defineElement('kring-people-picker', KringPeoplePicker);

declare global {
  interface HTMLElementTagNameMap {
    'kring-people-picker': KringPeoplePicker;
  }
}
