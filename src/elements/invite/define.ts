import { defineElement } from '../../define.js';
import { KringInvite } from './invite.js';
// The directory choice uses the shared people picker.
import '../people-picker/define.js';

defineElement('kring-invite', KringInvite);

declare global {
  interface HTMLElementTagNameMap {
    'kring-invite': KringInvite;
  }
}
