import { defineElement } from '../../define.js';
import { KringInvite } from './invite.js';

// The directory choice uses the shared people picker.
import '../people-picker/define.js';

/** Importing this module defines the element; the class is exported for `instanceof` and typing. */
export { KringInvite };

defineElement('kring-invite', KringInvite);

declare global {
  interface HTMLElementTagNameMap {
    'kring-invite': KringInvite;
  }
}
