/**
 * Counts a person's recorded activity per ambassador criterion, from the raw records a backend
 * keeps. The result feeds `computeRoleProgress`.
 */
import type { ActivityEvent, AmbassadorRole, Invite, Kudos, Person } from '../model.js';
import type { AmbassadorActivity } from './criteria.js';

export interface AmbassadorRecords {
  people: readonly Pick<Person, 'id' | 'email' | 'department' | 'invitedBy' | 'isMember' | 'joinedAt'>[];
  invites?: readonly Pick<Invite, 'inviterId' | 'status' | 'inviteeId' | 'email'>[];
  kudos?: readonly Pick<Kudos, 'from' | 'to'>[];
  /** Endorsements with their target, when the backend keeps them. */
  endorsements?: readonly { from: string; to: string }[];
  events?: readonly Pick<ActivityEvent, 'type' | 'actorId'>[];
  /** Evidence links recorded per person and role (presentations, articles). */
  evidence?: readonly { personId: string; role: AmbassadorRole }[];
}

/**
 * - accepted invitations: distinct colleagues who joined through the person (accepted e-mail
 *   invitations and members whose `invitedBy` is the person, counted once);
 * - reactions and endorsements: `reaction` and `endorsement` activity by the person;
 * - departments reached: distinct departments, other than the person's own, of colleagues they
 *   gave kudos to or endorsed;
 * - presentations / articles: evidence links recorded for the presenter / writer role.
 */
export function summariseAmbassadorActivity(
  personId: string,
  records: AmbassadorRecords,
): AmbassadorActivity {
  const byId = new Map(records.people.map((person) => [person.id, person]));
  const own = byId.get(personId);

  const joined = new Set<string>();
  const joinedEmails = new Set<string>();
  for (const person of records.people) {
    if (person.invitedBy !== personId || person.isMember === false) continue;
    joined.add(person.id);
    if (person.email) joinedEmails.add(person.email.toLowerCase());
  }
  for (const invite of records.invites ?? []) {
    if (invite.inviterId !== personId || invite.status !== 'accepted') continue;
    if (invite.inviteeId ? joined.has(invite.inviteeId) : joinedEmails.has(invite.email.toLowerCase()))
      continue;
    joined.add(invite.inviteeId ?? `email:${invite.email.toLowerCase()}`);
  }

  const reactionsAndEndorsements = (records.events ?? []).filter(
    (event) => event.actorId === personId && (event.type === 'reaction' || event.type === 'endorsement'),
  ).length;

  const departments = new Set<string>();
  const reach = (receiverId: string) => {
    const department = byId.get(receiverId)?.department;
    if (department && department !== own?.department) departments.add(department);
  };
  for (const kudos of records.kudos ?? []) if (kudos.from === personId) kudos.to.forEach(reach);
  for (const endorsement of records.endorsements ?? [])
    if (endorsement.from === personId) reach(endorsement.to);

  const evidence = (records.evidence ?? []).filter((item) => item.personId === personId);
  return {
    'accepted-invitations': joined.size,
    'reactions-and-endorsements': reactionsAndEndorsements,
    'departments-reached': departments.size,
    presentations: evidence.filter((item) => item.role === 'presenter').length,
    articles: evidence.filter((item) => item.role === 'writer').length,
  };
}
