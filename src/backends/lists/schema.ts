/**
 * The SharePoint lists Kring keeps its community data in. Person references are text columns holding
 * person ids (lower-case sign-in names), so the data survives people leaving and needs no `ensureuser`.
 * `docs/backends/sharepoint.md` documents these lists and the permissions they need.
 */

export const LIST_KEYS = [
  'kudos',
  'endorsements',
  'invites',
  'members',
  'ambassadors',
  'badges',
  'activity',
] as const;
export type ListKey = (typeof LIST_KEYS)[number];
export type ListTitles = Record<ListKey, string>;

export const DEFAULT_LIST_TITLES: ListTitles = {
  kudos: 'Kring Kudos',
  endorsements: 'Kring Endorsements',
  invites: 'Kring Invites',
  members: 'Kring Members',
  ambassadors: 'Kring Ambassadors',
  badges: 'Kring Badges',
  activity: 'Kring Activity',
};

/**
 * Lists whose items each person may read and edit only when they created them (SharePoint's item-level
 * permissions, `ReadSecurity` and `WriteSecurity` 2). People with "Override List Behaviors" on the site (site
 * owners, or a community-manager group given that permission) still read everything, which the metrics need.
 * Invitations cannot be among them while the invitee must read and answer the inviter's item: see
 * `docs/backends/sharepoint.md`.
 */
export const OWN_ITEMS_ONLY: readonly ListKey[] = ['activity'];

/** SP.FieldType values used here. */
export const FIELD_TYPE = { Text: 2, Note: 3, DateTime: 4, Boolean: 8 } as const;
export type FieldTypeName = keyof typeof FIELD_TYPE;

export interface FieldDefinition {
  name: string;
  type: FieldTypeName;
  /** Indexed so `$filter` on it stays fast past the 5,000-item view threshold. */
  indexed?: boolean;
  description: string;
}

/** Every list also has `Title`, `Created`, `Modified` and `Author`, and the idempotency key `KringKey`. */
const KEY_FIELD: FieldDefinition = {
  name: 'KringKey',
  type: 'Text',
  indexed: true,
  description:
    'Idempotency key of the write that created the item; a retried write finds it instead of duplicating.',
};

export const LIST_FIELDS: Record<ListKey, readonly FieldDefinition[]> = {
  kudos: [
    KEY_FIELD,
    { name: 'KringFrom', type: 'Text', indexed: true, description: 'Giver (person id).' },
    { name: 'KringTo', type: 'Text', description: 'Receivers, `;a;b;` (person ids between semicolons).' },
    { name: 'KringValue', type: 'Text', description: 'Company value tag.' },
    {
      name: 'KringMessage',
      type: 'Note',
      description: 'The message, plain text (Title holds its first 255 characters).',
    },
    { name: 'KringReactions', type: 'Note', description: 'JSON: reaction type → person ids.' },
  ],
  endorsements: [
    KEY_FIELD,
    {
      name: 'KringPerson',
      type: 'Text',
      indexed: true,
      description: 'Endorsed person (id). Title is the skill.',
    },
    { name: 'KringEndorser', type: 'Text', indexed: true, description: 'Who endorsed (id).' },
  ],
  invites: [
    KEY_FIELD,
    {
      name: 'KringInviter',
      type: 'Text',
      indexed: true,
      description: 'Inviter (id). Title is the invitee e-mail.',
    },
    { name: 'KringInvitee', type: 'Text', description: 'Invitee person id, when known.' },
    { name: 'KringMessage', type: 'Note', description: 'Personal message.' },
    { name: 'KringStatus', type: 'Text', description: 'pending, accepted, declined, expired or revoked.' },
    { name: 'KringExpires', type: 'DateTime', description: 'Expiry.' },
    { name: 'KringResponded', type: 'DateTime', description: 'When accepted or declined.' },
    { name: 'KringToken', type: 'Text', indexed: true, description: 'Secret token of the invitation link.' },
  ],
  members: [
    KEY_FIELD,
    { name: 'KringPerson', type: 'Text', indexed: true, description: 'Member (id). Title is the name.' },
    { name: 'KringJoined', type: 'DateTime', description: 'When the person joined.' },
    { name: 'KringInvitedBy', type: 'Text', description: 'Inviter (id).' },
  ],
  ambassadors: [
    KEY_FIELD,
    { name: 'KringPerson', type: 'Text', indexed: true, description: 'Ambassador (id).' },
    { name: 'KringRoles', type: 'Text', description: 'Chosen roles, `;`-joined.' },
    { name: 'KringEvidence', type: 'Note', description: 'JSON: evidence links with role.' },
  ],
  badges: [
    KEY_FIELD,
    { name: 'KringPerson', type: 'Text', indexed: true, description: 'Holder (id). Title is the role.' },
    { name: 'KringLevel', type: 'Text', description: 'starter, active or champion.' },
    { name: 'KringAwardedBy', type: 'Text', description: '`system` or the manager (id).' },
    { name: 'KringCriteria', type: 'Note', description: 'JSON: criteria met.' },
    { name: 'KringEvidence', type: 'Note', description: 'JSON: evidence links.' },
    { name: 'KringRevoked', type: 'DateTime', description: 'When revoked.' },
  ],
  activity: [
    KEY_FIELD,
    {
      name: 'KringEvents',
      type: 'Note',
      description: 'JSON: a batch of activity events (type, actor, time, subject).',
    },
  ],
};
