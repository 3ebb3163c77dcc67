/** Stage 3: endorsements of skills, mostly by colleagues in the same department. */
import { DAY_MS, HOUR_MS } from '../../../time.js';
import type { EndorsementRecord } from '../seed.js';
import { isoRounded } from './formatting.js';
import { membersOf, type Generation } from './people.js';

export function generateEndorsements(generation: Generation): EndorsementRecord[] {
  const { random, anchorMs, people, engagementOf } = generation;
  // ---- endorsements
  const { members: memberRecords, byDepartment: membersByDepartment } = membersOf(people);
  const endorsements: EndorsementRecord[] = [];
  for (const person of people) {
    for (const skill of person.skills) {
      const base = skill.level === 'expert' ? 6 : skill.level === 'practitioner' ? 3 : 0.6;
      const count = Math.floor(random.next() * base * (0.4 + engagementOf.get(person)! * 1.5));
      const endorsers = new Set<string>();
      const local = membersByDepartment.get(person.department) ?? [];
      for (let attempt = 0; attempt < count * 2 && endorsers.size < count; attempt++) {
        const endorser =
          local.length > 1 && random.chance(0.7) ? random.pick(local) : random.pick(memberRecords);
        if (endorser === person || endorsers.has(endorser.id)) continue;
        // Engaged colleagues endorse more often.
        if (!random.chance(0.2 + engagementOf.get(endorser)!)) continue;
        endorsers.add(endorser.id);
        // Spread over more than a year; those from before the endorser joined came with the
        // skills directory and produce no activity event.
        endorsements.push({
          personId: person.id,
          skill: skill.name,
          endorserId: endorser.id,
          at: isoRounded(anchorMs - random.next() * 400 * DAY_MS, HOUR_MS),
        });
      }
    }
  }

  return endorsements;
}
