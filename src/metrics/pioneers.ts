import type { PioneerRank } from '../model.js';
import { PeopleIndex } from './people-index.js';
import type { MetricsInput } from './types.js';
import { DAY_MS } from '../time.js';

export interface PioneerOptions {
  /** Reference time; acts in the `windowDays` before it count. Default now. */
  now?: number;
  /** Default 180 days. */
  windowDays?: number;
  /** Default 10. */
  limit?: number;
}

type TieKind = PioneerRank['reasons'][number]['kind'];
const KINDS: readonly TieKind[] = ['kudos', 'endorsements', 'invites'];

interface Reach {
  /** Per kind: the other departments reached and how many cross-department acts. */
  byKind: Map<TieKind, { departments: Set<number>; count: number }>;
}

/**
 * Ranks people who connect departments, over public acts only (kudos given or received,
 * endorsements given or received, accepted invitations sent or received; never views or reads).
 *
 * score = departments reached + crossTies / (crossTies + 1)
 *
 * where "departments reached" counts the distinct departments, other than the person's own, of the
 * people they are tied to by such acts, and crossTies counts those acts (the fraction only breaks
 * ties between people who reach as many departments).
 */
export function computePioneers(input: MetricsInput, options: PioneerOptions = {}): PioneerRank[] {
  const now = options.now ?? Date.now();
  const since = now - (options.windowDays ?? 180) * DAY_MS;
  const limit = options.limit ?? 10;
  const index = new PeopleIndex(input.people);
  const reach = new Map<number, Reach>();

  const inWindow = (at: string | undefined) => {
    if (!at) return false;
    const ms = Date.parse(at);
    return ms >= since && ms <= now;
  };

  const tie = (kind: TieKind, aId: string, bId: string) => {
    const a = index.byId.get(aId);
    const b = index.byId.get(bId);
    if (a === undefined || b === undefined || a === b) return;
    if (a >= index.directorySize || b >= index.directorySize) return;
    const aDepartment = index.departmentOf[a];
    const bDepartment = index.departmentOf[b];
    if (aDepartment < 0 || bDepartment < 0 || aDepartment === bDepartment) return;
    note(a, kind, bDepartment);
    note(b, kind, aDepartment);
  };

  const note = (person: number, kind: TieKind, department: number) => {
    let personReach = reach.get(person);
    if (!personReach) reach.set(person, (personReach = { byKind: new Map() }));
    let kindReach = personReach.byKind.get(kind);
    if (!kindReach) personReach.byKind.set(kind, (kindReach = { departments: new Set(), count: 0 }));
    kindReach.departments.add(department);
    kindReach.count++;
  };

  for (const kudos of input.kudos) {
    if (!inWindow(kudos.createdAt)) continue;
    for (const receiver of kudos.to) tie('kudos', kudos.from, receiver);
  }
  for (const endorsement of input.endorsements ?? []) {
    if (inWindow(endorsement.at)) tie('endorsements', endorsement.from, endorsement.to);
  }
  for (const invite of input.invites) {
    if (invite.status !== 'accepted' || !inWindow(invite.respondedAt ?? invite.createdAt)) continue;
    const invitee = invite.inviteeId ?? index.people[index.byId.get(invite.email.toLowerCase()) ?? -1]?.id;
    if (invitee) tie('invites', invite.inviterId, invitee);
  }

  const ranks: PioneerRank[] = [];
  for (const [person, personReach] of reach) {
    const departments = new Set<number>();
    let crossTies = 0;
    const reasons: PioneerRank['reasons'] = [];
    for (const kind of KINDS) {
      const kindReach = personReach.byKind.get(kind);
      if (!kindReach) continue;
      for (const department of kindReach.departments) departments.add(department);
      crossTies += kindReach.count;
      reasons.push({ kind, departments: kindReach.departments.size, count: kindReach.count });
    }
    ranks.push({
      personId: index.people[person].id,
      score: departments.size + crossTies / (crossTies + 1),
      departmentsReached: departments.size,
      reasons,
    });
  }
  return ranks.sort((a, b) => b.score - a.score || a.personId.localeCompare(b.personId)).slice(0, limit);
}
