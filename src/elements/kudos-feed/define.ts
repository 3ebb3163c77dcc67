import { defineElement } from '../../define.js';
import { KringKudosFeed } from './kudos-feed.js';
import '../kudos-composer/define.js';

/** Importing this module defines the element; the class is exported for `instanceof` and typing. */
export { KringKudosFeed };

defineElement('kring-kudos-feed', KringKudosFeed);

declare global {
  interface HTMLElementTagNameMap {
    'kring-kudos-feed': KringKudosFeed;
  }
}
