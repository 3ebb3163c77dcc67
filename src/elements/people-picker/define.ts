import { defineElement } from '../../define.js';
import { KringPeoplePicker } from './people-picker.js';

defineElement('kring-people-picker', KringPeoplePicker);

declare global {
  interface HTMLElementTagNameMap {
    'kring-people-picker': KringPeoplePicker;
  }
  interface HTMLElementEventMap {
    'kring-people-change': import('./people-picker.js').KringPeopleChangeEvent;
  }
}
