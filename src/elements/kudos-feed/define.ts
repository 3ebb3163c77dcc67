import { defineElement } from '../../define.js';
import { KringKudosFeed } from './kudos-feed.js';
import '../kudos-composer/define.js';

defineElement('kring-kudos-feed', KringKudosFeed);

declare global {
  interface HTMLElementTagNameMap {
    'kring-kudos-feed': KringKudosFeed;
  }
}
