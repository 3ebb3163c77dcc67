/** Stage 4: ambassadors' chosen roles, their evidence, and a few badges awarded by hand. */
import type { AmbassadorRole, BadgeAward } from '../../../model.js';
import { EMAIL_DOMAIN } from '../names.js';
import { compareCodePoints } from '../text.js';
import { DAY_MS } from '../../../time.js';
import type { AmbassadorChoice, DemoPersonRecord, EvidenceRecord } from '../seed.js';
import { iso } from './formatting.js';
import type { Generation } from './people.js';

export interface Ambassadors {
  ambassadors: AmbassadorChoice[];
  evidence: EvidenceRecord[];
  badges: BadgeAward[];
}

export function generateAmbassadors(
  generation: Generation,
  joinedMsOf: Map<DemoPersonRecord, number>,
): Ambassadors {
  const { random, anchorMs, people, engagementOf, communityManager } = generation;
  const memberRecords = people.filter((person) => person.isMember);
  // ---- ambassadors: chosen roles, evidence, a few manual badges
  const ambassadors: AmbassadorChoice[] = [];
  const evidence: EvidenceRecord[] = [];
  const badges: BadgeAward[] = [];
  const roles: AmbassadorRole[] = ['presenter', 'writer', 'responder', 'connector', 'recruiter'];
  for (const member of memberRecords) {
    const isManager = member === communityManager;
    if (!isManager && !random.chance(0.04 + engagementOf.get(member)! * 0.15)) continue;
    const chosen: AmbassadorRole[] = isManager
      ? ['connector', 'writer', 'recruiter']
      : random.sample(roles, random.int(1, 2));
    const joined = joinedMsOf.get(member)!;
    ambassadors.push({
      personId: member.id,
      roles: chosen,
      chosenAt: iso(joined + random.next() * (anchorMs - joined)),
    });
    for (const role of chosen) {
      if (role !== 'presenter' && role !== 'writer') continue;
      const pieces = random.int(0, isManager ? 8 : 6);
      const levelAwarded = pieces >= 5 ? 'active' : pieces >= 1 ? 'starter' : undefined;
      const links = [];
      for (let piece = 0; piece < pieces; piece++) {
        const url =
          role === 'writer'
            ? `https://intranet.${EMAIL_DOMAIN}/nieuws/${member.id}-${piece + 1}`
            : `https://intranet.${EMAIL_DOMAIN}/sessies/${member.id}-${piece + 1}`;
        const description =
          role === 'writer' ? `Artikel ${piece + 1} op het intranet` : `Kennissessie ${piece + 1}`;
        const recordedBy = random.chance(0.5) ? communityManager.id : member.id;
        const recordedAt = iso(joined + random.next() * (anchorMs - joined));
        evidence.push({ personId: member.id, role, url, description, recordedAt, recordedBy });
        links.push({ url, description });
      }
      if (levelAwarded && random.chance(0.6)) {
        badges.push({
          id: `b${String(badges.length + 1).padStart(5, '0')}`,
          personId: member.id,
          role,
          level: levelAwarded,
          awardedAt: iso(anchorMs - random.int(1, 60) * DAY_MS),
          awardedBy: communityManager.id,
          criteriaMet: [`${links.length} ${role === 'writer' ? 'artikelen' : 'presentaties'}`],
          evidence: links,
        });
      }
    }
  }
  evidence.sort((a, b) => compareCodePoints(a.recordedAt, b.recordedAt));

  return { ambassadors, evidence, badges };
}
