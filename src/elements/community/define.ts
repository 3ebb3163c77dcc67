import { ContextRoot } from '@lit/context';
import { defineElement } from '../../define.js';
import { KringCommunity } from './community.js';

const rootKey = Symbol.for('kring.contextRoot');
const holder = globalThis as unknown as Record<symbol, boolean | undefined>;
// Elements that connect before their community upgrades get answered once it does.
if (!holder[rootKey]) {
  holder[rootKey] = true;
  new ContextRoot().attach(document.documentElement);
}

defineElement('kring-community', KringCommunity);

declare global {
  interface HTMLElementTagNameMap {
    'kring-community': KringCommunity;
  }
}
