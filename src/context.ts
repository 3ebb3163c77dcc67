import { createContext } from '@lit/context';
import type { CommunityClientApi } from './client/types.js';

/** Page-wide settings an element may need besides the client. */
export interface KringConfig {
  /** Language from `<kring-community lang>`, if set. */
  lang?: string;
  tracking: boolean;
  /** The organisation, for badge issuers and report headers. */
  organization?: { name: string; url?: string };
}

export const clientContext = createContext<CommunityClientApi | undefined>(Symbol.for('kring.client'));
export const configContext = createContext<KringConfig | undefined>(Symbol.for('kring.config'));
