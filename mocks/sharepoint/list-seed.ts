/**
 * The community lists filled from the demo data, shared by the SharePoint REST mock and the Microsoft
 * Graph mock (both serve the same lists, columns and values). Each mock stores rows its own way.
 */
import type { DemoBackend } from '../../src/backends/demo/index.js';
import type { ListKey } from '../../src/backends/lists/schema.js';
import type { Kudos } from '../../src/model.js';
import { sha256Hex } from '../../src/ambassadors/sha256.js';

type Json = Record<string, unknown>;

/** Stores one seeded row in a mock's list. */
export type AddSeedItem = (list: ListKey, fields: Json, created?: string, author?: string) => void;

/**
 * Who created a seeded row, as SharePoint's `Author` (Graph's `createdBy`) would say: the giver, endorser,
 * inviter or member themself. Badges awarded by the system have no person behind them.
 */
export function seedAuthor(list: ListKey, fields: Json): string {
  const column = {
    kudos: 'KringFrom',
    endorsements: 'KringEndorser',
    invites: 'KringInviter',
    members: 'KringPerson',
    ambassadors: 'KringPerson',
    badges: 'KringAwardedBy',
    activity: '',
  }[list];
  const value = column ? fields[column] : undefined;
  return typeof value === 'string' && value !== 'system' ? value : 'kring-system';
}

/** Tokens are stored only as their hash (`sha256$…`), as the list adapters write them. */
export const storedToken = (token: string | null | undefined) =>
  token ? `sha256$${sha256Hex(token)}` : null;

/** Demo person id → the person id the adapters use (the lower-cased e-mail). */
export type PersonIdOf = (demoId: string | undefined) => string;

/** Endorsements, invitations, members, (optionally) ambassadors and badges, oldest first. */
export function seedDemoLists(
  demo: DemoBackend,
  idOf: PersonIdOf,
  add: AddSeedItem,
  options: { ambassadors: boolean },
): void {
  const data = demo.demo.data;
  for (const endorsement of [...data.endorsements].sort((a, b) => a.at.localeCompare(b.at))) {
    add(
      'endorsements',
      {
        Title: endorsement.skill,
        KringPerson: idOf(endorsement.personId),
        KringEndorser: idOf(endorsement.endorserId),
      },
      endorsement.at,
    );
  }
  for (const invite of [...data.invites].sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
    add(
      'invites',
      {
        Title: invite.email,
        KringInviter: idOf(invite.inviterId),
        KringInvitee: idOf(invite.inviteeId),
        KringMessage: invite.message ?? null,
        KringStatus: invite.status,
        KringExpires: invite.expiresAt,
        KringResponded: invite.respondedAt ?? null,
        KringToken: storedToken(invite.token ?? demo.demo.inviteToken(invite.id)),
      },
      invite.createdAt,
    );
  }
  for (const person of data.people.filter((p) => p.isMember)) {
    add(
      'members',
      {
        Title: person.name,
        KringPerson: idOf(person.id),
        KringJoined: person.joinedAt ?? null,
        KringInvitedBy: idOf(person.invitedBy) || null,
      },
      person.joinedAt,
    );
  }
  if (options.ambassadors) {
    for (const choice of data.ambassadors) {
      const evidence = data.evidence
        .filter((record) => record.personId === choice.personId)
        .map((record) => ({ url: record.url, description: record.description, role: record.role }));
      add(
        'ambassadors',
        {
          Title: idOf(choice.personId),
          KringPerson: idOf(choice.personId),
          KringRoles: `;${choice.roles.join(';')};`,
          KringEvidence: JSON.stringify(evidence),
        },
        choice.chosenAt,
      );
    }
  }
  for (const badge of data.badges) {
    add(
      'badges',
      {
        Title: badge.role,
        KringPerson: idOf(badge.personId),
        KringLevel: badge.level,
        KringAwardedBy: badge.awardedBy === 'system' ? 'system' : idOf(badge.awardedBy),
        KringCriteria: JSON.stringify(badge.criteriaMet),
        KringEvidence: JSON.stringify(badge.evidence),
        KringRevoked: badge.revokedAt ?? null,
      },
      badge.awardedAt,
    );
  }
}

/**
 * Kudos come through the demo backend's public API (the demo generates its history lazily), oldest first;
 * `reactionsOf` gives the `KringReactions` column of each.
 */
export async function seedDemoKudos(
  demo: DemoBackend,
  idOf: PersonIdOf,
  add: AddSeedItem,
  reactionsOf: (kudos: Kudos) => Promise<string>,
): Promise<void> {
  const all: Kudos[] = [];
  let cursor: string | undefined;
  do {
    const page = await demo.listKudos({ limit: 100, cursor });
    all.push(...page.items);
    cursor = page.next;
  } while (cursor);
  for (const kudos of all.sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
    add(
      'kudos',
      {
        Title: kudos.message.slice(0, 255),
        KringMessage: kudos.message,
        KringFrom: idOf(kudos.from),
        KringTo: `;${kudos.to.map(idOf).join(';')};`,
        KringValue: kudos.value ?? null,
        KringReactions: await reactionsOf(kudos),
        KringKey: `seed-${kudos.id}`,
      },
      kudos.createdAt,
    );
  }
}

/**
 * The demo's six months of activity, as the list adapters write it: one item per person per month, its
 * author the person (the adapters believe the author, never an actor in the JSON). Without it the pulse
 * on SharePoint and Graph would show no visitors where the demo backend shows hundreds.
 */
export function seedDemoActivity(demo: DemoBackend, idOf: PersonIdOf, add: AddSeedItem): void {
  const batches = new Map<string, { actor: string; first: string; events: Json[] }>();
  for (const event of demo.demo.activity()) {
    const actor = idOf(event.actorId);
    if (!actor) continue;
    const key = `${actor} ${event.at.slice(0, 7)}`;
    let batch = batches.get(key);
    if (!batch) batches.set(key, (batch = { actor, first: event.at, events: [] }));
    const { actorId: _actor, ...rest } = event;
    batch.events.push(rest as unknown as Json);
  }
  for (const batch of [...batches.values()].sort((a, b) => a.first.localeCompare(b.first))) {
    add(
      'activity',
      { Title: `${batch.events.length} events`, KringEvents: JSON.stringify(batch.events) },
      batch.first,
      batch.actor,
    );
  }
}

/**
 * The badges members earned by the criteria, which the demo backend awards when a profile is read and the
 * list adapters (which only read the list) would never show: added to the seeded awards, oldest first.
 */
export async function seedDemoEarnedBadges(
  demo: DemoBackend,
  idOf: PersonIdOf,
  add: AddSeedItem,
): Promise<void> {
  const data = demo.demo.data;
  const seeded = new Set(data.badges.map((badge) => badge.id));
  const earned = [];
  for (const personId of new Set(data.ambassadors.map((choice) => choice.personId))) {
    earned.push(...(await demo.listBadges(personId)).filter((badge) => !seeded.has(badge.id)));
  }
  for (const badge of earned.sort((a, b) => a.awardedAt.localeCompare(b.awardedAt))) {
    add(
      'badges',
      {
        Title: badge.role,
        KringPerson: idOf(badge.personId),
        KringLevel: badge.level,
        KringAwardedBy: badge.awardedBy === 'system' ? 'system' : idOf(badge.awardedBy),
        KringCriteria: JSON.stringify(badge.criteriaMet),
        KringEvidence: JSON.stringify(badge.evidence),
        KringRevoked: badge.revokedAt ?? null,
      },
      badge.awardedAt,
    );
  }
}
