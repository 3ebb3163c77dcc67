import { createContext } from '@lit/context';
import type { CommunityClientApi } from './client/types.js';

/** Page-wide settings an element may need besides the client. */
export interface KringConfig {
  /** Language from `<kring-community lang>`, if set. */
  lang?: string;
  /** Language of the directory and community texts, from `<kring-community content-lang>`, if set. */
  contentLang?: string;
  tracking: boolean;
  /** The organisation, for badge issuers and report headers. */
  organization?: { name: string; url?: string };
  /**
   * Why the community cannot connect its backend, when its attributes are wrong (a bad `backend`, a
   * missing `endpoint`): the elements show it instead of waiting for a client that will not come.
   */
  problem?: string;
}

export const clientContext = createContext<CommunityClientApi | undefined>(Symbol.for('kring.client'));
export const configContext = createContext<KringConfig | undefined>(Symbol.for('kring.config'));
