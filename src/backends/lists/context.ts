import type { Person } from '../../model.js';
import type { CallOptions } from '../backend.js';
import { BackendError, isBackendError } from '../../errors.js';
import type { ListTitles } from './schema.js';
import type { CommunityListTransport } from './transport.js';

export interface ListCommunityOptions<Item> {
  lists: CommunityListTransport<Item>;
  titles: ListTitles;
  meId: (signal?: AbortSignal) => Promise<string>;
  getPeople: (ids: readonly string[], options?: CallOptions) => Promise<(Person | null)[]>;
  manageBadges: boolean;
  kudosValues: string[];
  inviteQuota?: number;
  inviteUrl: (token: string) => string;
  now: () => number;
  /**
   * Read the shared endorsement tally without any one caller's signal (each caller still stops waiting
   * on abort), so one cancelled card does not fail the others. Default false: the first caller's signal.
   */
  detachSharedReads?: boolean;
  /** Ask for people with `details` when computing metrics. Default false. */
  metricsPeopleDetails?: boolean;
  /** Splits the `KringRoles` column. Default: on `;`. */
  splitRoles?: (value: string | undefined) => string[];
}

/** A member of the community as the `Kring Members` list records it. */
export interface MemberRecord {
  id: string;
  isMember: true;
  joinedAt?: string;
  invitedBy?: string;
}

/** What every list module works with: the options, the transport and the column helpers. */
export interface ListContext<Item> extends ListCommunityOptions<Item> {
  text(item: Item, column: string): string | undefined;
  /**
   * Who wrote an item: the server's record (`Author`), never a column a browser filled in. An item this
   * user just created is theirs (a create's answer may not carry the author).
   */
  authorOf(item: Item, creator?: string): string;
  parseJson<T>(value: string | undefined, fallback: T): T;
  /** `;a;b;` → `['a', 'b']`. */
  idList(value: string | undefined): string[];
  nowIso(): string;
  requireText(value: string | undefined, message: string): string;
  /**
   * Read-modify-write with If-Match. The change is a pure function of the current fields, so after a 412
   * it is re-read and applied once more; a second 412 surfaces as `conflict`.
   */
  updateItem(
    title: string,
    id: string,
    change: (item: Item) => Record<string, unknown> | undefined,
    signal?: AbortSignal,
  ): Promise<Item>;
  /** The community's members; an item counts only for the person who created it. */
  memberRecords(signal?: AbortSignal): Promise<MemberRecord[]>;
}

export function createListContext<Item>(options: ListCommunityOptions<Item>): ListContext<Item> {
  const { lists, titles, now } = options;
  const text = (item: Item, column: string) => lists.text(item, column);
  const authorOf = (item: Item, creator?: string) => lists.author(item) ?? creator ?? '';

  async function updateItem(
    title: string,
    id: string,
    change: (item: Item) => Record<string, unknown> | undefined,
    signal?: AbortSignal,
  ): Promise<Item> {
    for (let attempt = 0; ; attempt += 1) {
      const { item, etag } = await lists.item(title, id, signal);
      const fields = change(item);
      if (!fields) return item;
      try {
        await lists.update(title, id, fields, etag, signal);
        return lists.withFields(item, fields);
      } catch (error) {
        if (attempt === 0 && isBackendError(error) && error.status === 412) continue;
        if (isBackendError(error) && error.status === 412) {
          throw new BackendError('conflict', 'Someone changed this at the same time. Reload and try again.', {
            status: 412,
            code: error.code,
            cause: error,
          });
        }
        throw error;
      }
    }
  }

  async function memberRecords(signal?: AbortSignal): Promise<MemberRecord[]> {
    const items = await lists.all(titles.members, {}, signal);
    // A member item counts only for the person who created it: nobody can join someone else.
    return items
      .filter((item) => authorOf(item) === text(item, 'KringPerson'))
      .map((item) => ({
        id: text(item, 'KringPerson') ?? '',
        isMember: true as const,
        joinedAt: text(item, 'KringJoined') ?? lists.created(item),
        invitedBy: text(item, 'KringInvitedBy'),
      }));
  }

  return {
    ...options,
    text,
    authorOf,
    parseJson<T>(value: string | undefined, fallback: T): T {
      if (!value) return fallback;
      try {
        return JSON.parse(value) as T;
      } catch {
        return fallback;
      }
    },
    idList: (value) => (value ?? '').split(';').filter(Boolean),
    nowIso: () => new Date(now()).toISOString(),
    requireText(value, message) {
      if (!value || !value.trim()) throw new BackendError('invalid', message);
      return value.trim();
    },
    updateItem,
    memberRecords,
  };
}
