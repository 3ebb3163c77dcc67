import { defineElement } from '../../define.js';
import { KringKudosComposer } from './kudos-composer.js';
import '../people-picker/define.js';

defineElement('kring-kudos-composer', KringKudosComposer);

declare global {
  interface HTMLElementTagNameMap {
    'kring-kudos-composer': KringKudosComposer;
  }
}
