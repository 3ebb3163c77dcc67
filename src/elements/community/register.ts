import { ContextRoot } from '@lit/context';
import { defineElement } from '../../define.js';
import { KringCommunity } from './community.js';

const rootKey = Symbol.for('kring.contextRoot');

/**
 * Defines `<kring-community>` and attaches one context root to the document, so elements that
 * connect before their community upgrades are answered once it does.
 */
export function defineCommunity(): void {
  const holder = globalThis as unknown as Record<symbol, boolean | undefined>;
  if (!holder[rootKey] && typeof document !== 'undefined') {
    holder[rootKey] = true;
    new ContextRoot().attach(document.documentElement);
  }
  defineElement('kring-community', KringCommunity);
}
