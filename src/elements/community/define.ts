import { registerBuiltinBackends } from '../../backends/builtin.js';
import { defineCommunity } from './register.js';
import type { KringCommunity } from './community.js';

export { KringCommunity } from './community.js';

registerBuiltinBackends();
defineCommunity();

declare global {
  interface HTMLElementTagNameMap {
    'kring-community': KringCommunity;
  }
}
