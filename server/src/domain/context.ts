import type { Db, Queryable } from '../store/db.js';

/** Who is asking: always from verified credentials, never from a request body. */
export interface User {
  id: string;
  isCommunityManager: boolean;
  isManagement: boolean;
}

export interface DomainConfig {
  kudosDailyLimit: number;
  inviteQuota: number;
  /**
   * E-mail domains invitations may go to (and their subdomains): a list, `'any'`, or `'own'` (the
   * default): the inviter's own mail domain, which `<kring-invite>` also assumes without `allowed-domains`.
   */
  inviteDomains: readonly string[] | 'own' | 'any';
  kudosValues: string[];
  /** The shareable URL of an invite token. */
  inviteUrl: (token: string) => string;
}

export interface Domain {
  db: Db;
  config: DomainConfig;
  now: () => Date;
  /** Called after a write that changes what search ranks on (people, skills, endorsements, kudos). */
  touched: () => void;
}

export type Tx = Queryable;

export function iso(value: Date | string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

/** Drops undefined fields, so the JSON carries only what is known. */
export function compact<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) if (value[key] === undefined) delete value[key];
  return value;
}
