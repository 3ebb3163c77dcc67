import type { ActivityEvent, IsoDateTime } from '../../../model.js';
import { Random } from '../random.js';
import { SKILLS } from '../skills.js';
import { DAY_MS, MINUTE_MS } from '../../../time.js';
import { HISTORY_DAYS, type DemoData, type DemoHistory } from '../seed.js';
import { iso, isoRounded } from './formatting.js';

const POPULAR_SEARCHES = [
  'power bi',
  'excel',
  'sharepoint',
  'python',
  'projectmanagement',
  'avg/gdpr',
  'scrum',
  'presenteren',
  'ux/ui',
  'sql',
  'copywriting',
  'engels',
];

/** Roughly Zipf: the first is searched most. */
const POPULAR_SEARCH_WEIGHTS = POPULAR_SEARCHES.map((_, rank) => 1 / (rank + 1));

const ELEMENT_TAGS = [
  'kring-profile-card',
  'kring-kudos-feed',
  'kring-expertise-finder',
  'kring-invite',
  'kring-pulse',
];

/**
 * Six months of activity for the generated company: reading (element seen, profile opened,
 * skill searches) drawn per member, plus one event for every public act in the data.
 * Only members produce events. Sized so that 300 people give realistic monthly figures.
 */
export function generateActivity(data: DemoData, history: DemoHistory): ActivityEvent[] {
  const random = new Random(`kring-activity:${data.seed}`);
  const anchorMs = Date.parse(data.anchor);
  const startMs = anchorMs - HISTORY_DAYS * DAY_MS;
  const events: ActivityEvent[] = [];
  const management = new Set(data.managementIds);
  const months = Math.ceil(HISTORY_DAYS / 30.5);
  data.people.forEach((person, personIndex) => {
    if (!person.isMember) return;
    const joinedMs = Math.max(startMs, Date.parse(person.joinedAt!));
    const engagement = data.engagement[personIndex];
    const visitChance = management.has(person.id) ? 0.85 : 0.5 + engagement * 0.45;
    const searchTerms = person.skills.map((skill) => skill.name.toLowerCase());
    for (let month = 0; month < months; month++) {
      const windowStart = Math.max(joinedMs, startMs + month * 30.5 * DAY_MS);
      const windowEnd = Math.min(anchorMs, startMs + (month + 1) * 30.5 * DAY_MS);
      if (windowEnd <= windowStart || !random.chance(visitChance)) continue;
      const days = 1 + Math.floor((1 + engagement * 14) * random.next());
      for (let day = 0; day < days; day++) {
        const at = windowStart + random.next() * (windowEnd - windowStart);
        const seen = random.int(1, 3);
        for (let index = 0; index < seen; index++) {
          events.push({
            type: 'element-seen',
            actorId: person.id,
            at: isoRounded(at + index * 1000, MINUTE_MS),
            subject: random.pick(ELEMENT_TAGS),
          });
        }
        if (random.chance(0.35))
          events.push({ type: 'profile-opened', actorId: person.id, at: isoRounded(at + 5000, MINUTE_MS) });
        if (random.chance(0.3)) {
          // Searches cluster on a few popular skills, as they do on a real intranet.
          const term = random.chance(0.55)
            ? POPULAR_SEARCHES[random.weightedIndex(POPULAR_SEARCH_WEIGHTS)]
            : searchTerms.length > 0 && random.chance(0.5)
              ? random.pick(searchTerms)
              : random.pick(SKILLS).toLowerCase();
          events.push({
            type: 'search',
            actorId: person.id,
            at: isoRounded(at + 9000, MINUTE_MS),
            subject: term,
          });
        }
      }
    }
  });
  const historyStart = iso(startMs);
  const joinedAt = new Map(
    data.people.map((person) => [person.id, person.isMember ? person.joinedAt : undefined]),
  );
  // Public acts count as activity only inside the history and once the actor was a member.
  const inHistory = (at: IsoDateTime, actorId: string) => {
    const joined = joinedAt.get(actorId);
    return at >= historyStart && at < data.anchor && joined !== undefined && joined <= at;
  };
  for (const item of history.kudos) {
    if (inHistory(item.createdAt, item.from))
      events.push({ type: 'kudos-given', actorId: item.from, at: item.createdAt, subject: item.value });
  }
  for (const reaction of history.reactions) {
    if (inHistory(reaction.at, reaction.personId))
      events.push({ type: 'reaction', actorId: reaction.personId, at: reaction.at, subject: reaction.type });
  }
  for (const endorsement of data.endorsements) {
    if (inHistory(endorsement.at, endorsement.endorserId))
      events.push({
        type: 'endorsement',
        actorId: endorsement.endorserId,
        at: endorsement.at,
        subject: endorsement.skill.toLowerCase(),
      });
  }
  for (const invite of data.invites) {
    if (inHistory(invite.createdAt, invite.inviterId))
      events.push({ type: 'invite-sent', actorId: invite.inviterId, at: invite.createdAt });
    if (
      invite.status === 'accepted' &&
      invite.inviteeId &&
      invite.respondedAt &&
      inHistory(invite.respondedAt, invite.inviteeId)
    ) {
      events.push({ type: 'invite-accepted', actorId: invite.inviteeId, at: invite.respondedAt });
    }
  }
  for (const choice of data.ambassadors) {
    if (inHistory(choice.chosenAt, choice.personId)) {
      for (const role of choice.roles)
        events.push({
          type: 'ambassador-role-chosen',
          actorId: choice.personId,
          at: choice.chosenAt,
          subject: role,
        });
    }
  }
  for (const piece of data.evidence) {
    if (inHistory(piece.recordedAt, piece.personId) && piece.recordedBy === piece.personId) {
      events.push({ type: 'post', actorId: piece.personId, at: piece.recordedAt, subject: piece.role });
    }
  }
  return events;
}
