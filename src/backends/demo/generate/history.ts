import type { ReactionType } from '../../../model.js';
import { COMPANY_VALUES } from '../names.js';
import { Random } from '../random.js';
import { DAY_MS, HOUR_MS } from '../../../time.js';
import {
  HISTORY_DAYS,
  type DemoData,
  type DemoHistory,
  type DemoPersonRecord,
  type KudosRecord,
  type ReactionRecord,
} from '../seed.js';
import { compileTemplate, iso, isoRounded } from './formatting.js';
import { membersOf } from './people.js';
import { WeightedPool } from './weighted-pool.js';

const REACTION_WEIGHTS: [ReactionType, number][] = [
  ['thanks', 30],
  ['celebrate', 35],
  ['love', 20],
  ['insightful', 15],
];

const KUDOS_MESSAGES_WITH_SKILL: readonly (readonly [lang: 'nl' | 'en', template: string])[] = [
  ['nl', 'Dank je wel voor je hulp met {skill}, {name}! Zonder jou hadden we de deadline niet gehaald.'],
  ['nl', 'Wat een heldere uitleg over {skill}, {name}. Het hele team snapt het nu.'],
  ['nl', '{name} heeft ons dashboard in {skill} in één middag rechtgezet. Top!'],
  ['en', 'Thanks {name} for sharing your {skill} know-how in the session yesterday.'],
  ['nl', 'Super dat je tijd vrijmaakte om me {skill} uit te leggen, {name}.'],
  ['nl', '{name}, jouw {skill}-kennis maakte het verschil in het klantproject.'],
  ['en', 'Great job on the {skill} workshop, {name}! Really practical.'],
  ['nl', 'Bedankt voor het meedenken over {skill}. Fijne samenwerking, {name}!'],
];

const KUDOS_MESSAGES_PLAIN: readonly (readonly [lang: 'nl' | 'en', template: string])[] = [
  ['nl', 'Bedankt voor het invallen vandaag, {name}. Echt collegiaal!'],
  ['nl', '{name} bleef rustig toen alles misging en hield iedereen op koers.'],
  ['en', 'Thanks for the warm welcome, {name}!'],
  ['nl', 'Dank voor je eerlijke feedback, {name}. Daar heb ik veel aan.'],
  ['nl', 'Mooi hoe je die lastige klant hebt geholpen, {name}.'],
  ['nl', 'Je had het lef om het anders te doen, {name}, en het werkte!'],
  ['nl', '{name} organiseerde de teamdag tot in de puntjes. Dank je!'],
];

/**
 * Six months of kudos (about five per person, most within departments, some across) and their
 * reactions, from their own random stream so they do not depend on when they are generated.
 */
export function generateHistory(data: DemoData): DemoHistory {
  const random = new Random(`kring-history:${data.seed}`);
  const anchorMs = Date.parse(data.anchor);
  // On the hour after the moment, but never after the data ends.
  const reactionTime = (ms: number) => {
    const hour = Math.ceil(ms / HOUR_MS) * HOUR_MS;
    return hour < anchorMs ? isoRounded(hour, HOUR_MS) : iso(anchorMs - 1);
  };
  const people = data.people;
  const size = people.length;
  const { members: memberRecords, byDepartment: membersByDepartment } = membersOf(people);
  const indexOfPerson = (person: DemoPersonRecord) => Number(person.id.slice(1)) - 1;
  const historyStart = anchorMs - HISTORY_DAYS * DAY_MS;
  const joinedMs = new Map<DemoPersonRecord, number>();
  for (const member of memberRecords) joinedMs.set(member, Date.parse(member.joinedAt!));
  // Each message keeps the language it is written in, so the elements can mark it (WCAG 3.1.2).
  const compileMessage = ([lang, template]: readonly ['nl' | 'en', string]) => ({
    lang,
    render: compileTemplate(template),
  });
  const withSkill = KUDOS_MESSAGES_WITH_SKILL.map(compileMessage);
  const plain = KUDOS_MESSAGES_PLAIN.map(compileMessage);
  // Recognition is concentrated: the most engaged members give most kudos and react most.
  const givers = new WeightedPool(memberRecords, (member) => data.engagement[indexOfPerson(member)] ** 4);
  const reactors = new WeightedPool(memberRecords, (member) => data.engagement[indexOfPerson(member)] ** 2);
  const kudosCount = Math.round(size * 5);
  const timedKudos: { record: KudosRecord; ms: number }[] = [];
  for (let attempt = 0; timedKudos.length < kudosCount && attempt < kudosCount * 20; attempt++) {
    const giver = givers.pick(random);
    if (!giver) break;
    // A moment in the six months; a giver who had not joined yet then is skipped, so kudos grow
    // with the community instead of piling up in the last weeks.
    const ms = Math.floor(historyStart + random.next() * (anchorMs - historyStart));
    if (ms < joinedMs.get(giver)!) continue;
    const receiverCount = random.chance(0.12) ? random.int(2, 3) : 1;
    const to: DemoPersonRecord[] = [];
    const local = membersByDepartment.get(giver.department) ?? [];
    for (let attempt = 0; attempt < 6 && to.length < receiverCount; attempt++) {
      const receiver =
        local.length > 1 && random.chance(0.62)
          ? random.pick(local)
          : random.chance(0.85)
            ? random.pick(memberRecords)
            : random.pick(people);
      if (receiver !== giver && !to.includes(receiver)) to.push(receiver);
    }
    if (to.length === 0) continue;
    const first = to[0];
    const skill = first.skills.length > 0 && random.chance(0.7) ? random.pick(first.skills).name : undefined;
    const template = skill ? random.pick(withSkill) : random.pick(plain);
    const record: KudosRecord = {
      id: '',
      from: giver.id,
      to: to.map((person) => person.id),
      value: random.chance(0.85) ? random.pick(COMPANY_VALUES) : undefined,
      message: template.render({ name: first.firstName, skill: skill ?? '' }),
      lang: template.lang,
      createdAt: '',
    };
    timedKudos.push({ record, ms });
  }
  timedKudos.sort((a, b) => a.ms - b.ms);
  const kudos = timedKudos.map(({ record, ms }, index) => {
    record.id = `k${String(index + 1).padStart(7, '0')}`;
    record.createdAt = iso(ms);
    return record;
  });

  const reactions: ReactionRecord[] = [];
  const reactionWeights = REACTION_WEIGHTS.map(([, weight]) => weight);
  for (const { record: item, ms: created } of timedKudos) {
    const reactorCount = random.chance(0.3) ? 0 : random.chance(0.55) ? random.int(1, 2) : random.int(3, 6);
    const seen: number[] = [];
    for (let attempt = 0; attempt < reactorCount; attempt++) {
      const reactor = reactors.pick(random)!;
      const typeIndex = random.weightedIndex(reactionWeights);
      const type = REACTION_WEIGHTS[typeIndex][0];
      const key = indexOfPerson(reactor) * REACTION_WEIGHTS.length + typeIndex;
      if (seen.includes(key)) continue;
      seen.push(key);
      reactions.push({
        kudosId: item.id,
        personId: reactor.id,
        type,
        at: reactionTime(created + random.next() * 2 * DAY_MS),
      });
    }
  }

  return { kudos, reactions };
}
