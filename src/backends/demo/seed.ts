/**
 * Generates the demo company: a deterministic `DemoData` for a seed, a size and an anchor day.
 * Activity events are generated separately (`generateActivity`) because they are only needed
 * for metrics and are by far the largest part at 50,000 people.
 */
import type {
  ActivityEvent,
  AmbassadorRole,
  BadgeAward,
  Invite,
  InviteStatus,
  IsoDateTime,
  ReactionType,
  SkillLevel,
  SkillTag,
} from '../../model.js';
import {
  COMPANY_VALUES,
  DEPARTMENTS,
  EMAIL_DOMAIN,
  FIRST_NAMES,
  LAST_NAMES,
  LOCATIONS,
  TITLES,
  emailLocalPart,
} from './names.js';
import { Random } from './random.js';
import { compareCodePoints } from './text.js';
import { DEPARTMENT_SKILL_GROUPS, SKILLS, skillGroup } from './skills.js';

export const DAY_MS = 86_400_000;
/** How far back kudos, reactions and activity go. */
export const HISTORY_DAYS = 183;
/** How long an invitation stays valid. */
export const INVITE_VALID_DAYS = 14;

export interface DemoSkillRecord {
  name: string;
  level: SkillLevel;
  tags: SkillTag[];
}

export interface DemoPersonRecord {
  id: string;
  name: string;
  firstName: string;
  lastName: string;
  email: string;
  title: string;
  department: string;
  location: string;
  about: string;
  managerId?: string;
  isManagement: boolean;
  isMember: boolean;
  joinedAt?: IsoDateTime;
  invitedBy?: string;
  skills: DemoSkillRecord[];
}

/** Who endorsed whom for which skill, and when. */
export interface EndorsementRecord {
  personId: string;
  skill: string;
  endorserId: string;
  at: IsoDateTime;
}

export interface KudosRecord {
  id: string;
  from: string;
  to: string[];
  value?: string;
  message: string;
  /** The language `message` is written in, when known (the seed knows; what a user types is not guessed). */
  lang?: string;
  createdAt: IsoDateTime;
}

export interface ReactionRecord {
  kudosId: string;
  personId: string;
  type: ReactionType;
  at: IsoDateTime;
}

/** An invitation as stored: `status` is what was recorded; expiry is applied when read. */
export interface InviteRecord extends Invite {
  /** Secret in the invitation e-mail; `lookupInvite` takes it. */
  token: string;
  /** Recorded when someone joined through a personal invite link (does not count against a quota). */
  viaLink?: boolean;
}

/** A personal, reusable invite link. */
export interface InviteLinkRecord {
  token: string;
  inviterId: string;
  createdAt: IsoDateTime;
  expiresAt: IsoDateTime;
  revokedAt?: IsoDateTime;
}

export interface AmbassadorChoice {
  personId: string;
  roles: AmbassadorRole[];
  chosenAt: IsoDateTime;
}

export interface EvidenceRecord {
  personId: string;
  role: AmbassadorRole;
  url: string;
  description?: string;
  recordedAt: IsoDateTime;
  /** Person id of who recorded it (the person, or the community manager). */
  recordedBy: string;
}

export interface DemoData {
  seed: string;
  size: number;
  /** Start of the UTC day everything was generated relative to. */
  anchor: IsoDateTime;
  departments: string[];
  people: DemoPersonRecord[];
  endorsements: EndorsementRecord[];
  /** Per person (same order as `people`): how active they are, 0…1, heavy-tailed. */
  engagement: number[];
  invites: InviteRecord[];
  inviteLinks: InviteLinkRecord[];
  ambassadors: AmbassadorChoice[];
  evidence: EvidenceRecord[];
  badges: BadgeAward[];
  /** Can award and revoke badges; the default current user. */
  communityManagerId: string;
  managementIds: string[];
}

/** Six months of kudos and reactions: generated on first need, as they dominate at 50,000 people. */
export interface DemoHistory {
  kudos: KudosRecord[];
  reactions: ReactionRecord[];
}

export interface GenerateOptions {
  seed: string | number;
  size: number;
  /** Any moment on the day the data should end; generation uses the start of that UTC day. */
  now: Date;
}

const LEVEL_WEIGHTS = [25, 50, 25];
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

const ABOUT_TEMPLATES = [
  'Ik werk als {title} bij {department} in {location}. Vraag me gerust naar {skill}.',
  'Sinds een paar jaar {title}. Ik houd van {skill} en help collega’s graag op weg.',
  '{title} in {location}. Buiten het werk: fietsen, koken en lezen.',
  'I work as {title} in {department}. Happy to talk about {skill}.',
  'Bij {department} zorg ik dat alles soepel loopt. Specialisme: {skill}.',
];
const aboutTemplates = ABOUT_TEMPLATES.map(compileTemplate);

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

const dayPrefixes = new Map<number, string>();

/**
 * `new Date(ms).toISOString()`, faster: generation formats about a million times at 50,000
 * people, so the date part is cached per day and only the time is formatted.
 */
export function iso(ms: number): IsoDateTime {
  const whole = Math.floor(ms);
  const day = Math.floor(whole / DAY_MS);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * DAY_MS).toISOString().slice(0, 11);
    dayPrefixes.set(day, prefix);
  }
  let rest = whole - day * DAY_MS;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  const millis = rest - seconds * 1000;
  return `${prefix}${two(hours)}:${two(minutes)}:${two(seconds)}.${millis < 10 ? '00' : millis < 100 ? '0' : ''}${millis}Z`;
}

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
const roundedIsos = new Map<number, string>();

/**
 * The ISO time rounded down to `resolutionMs`, one shared string per distinct value: reactions,
 * endorsements and reading events number in the millions at 50,000 people and need no seconds.
 */
function isoRounded(ms: number, resolutionMs: number): IsoDateTime {
  const rounded = Math.floor(ms / resolutionMs) * resolutionMs;
  let text = roundedIsos.get(rounded);
  if (text === undefined) {
    text = iso(rounded);
    if (roundedIsos.size > 500_000) roundedIsos.clear();
    roundedIsos.set(rounded, text);
  }
  return text;
}

function two(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

/**
 * A text template ("Hoi {name}") as a function of its values. Concatenation, unlike `replace`, lets
 * the engine share the template text between a quarter of a million messages at 50,000 people.
 */
function compileTemplate(template: string): (values: Readonly<Record<string, string>>) => string {
  const parts = template.split(/\{(\w+)\}/);
  return (values) => {
    let text = parts[0];
    for (let index = 1; index < parts.length; index += 2)
      text += (values[parts[index]] ?? '') + parts[index + 1];
    return text;
  };
}

/** Cumulative weights for O(log n) weighted picks among many people. */
class WeightedPool<T> {
  private readonly cumulative: number[] = [];
  private total = 0;
  constructor(
    readonly items: T[],
    weight: (item: T) => number,
  ) {
    for (const item of items) {
      this.total += weight(item);
      this.cumulative.push(this.total);
    }
  }
  pick(random: Random): T | undefined {
    if (this.items.length === 0) return undefined;
    const target = random.next() * this.total;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.cumulative[middle] > target) high = middle;
      else low = middle + 1;
    }
    return this.items[low];
  }
}

export function startOfUtcDay(date: Date): number {
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
}

export function personId(index: number, size: number): string {
  return `p${String(index + 1).padStart(Math.max(5, String(size).length), '0')}`;
}

export function generateDemoData(options: GenerateOptions): DemoData {
  const size = Math.max(12, Math.floor(options.size));
  const seed = String(options.seed);
  const anchorMs = startOfUtcDay(options.now);
  const random = new Random(`kring-demo:${seed}`);
  const departments = DEPARTMENTS.map((department) => department.name);
  const departmentWeights = DEPARTMENTS.map((department) => department.weight);
  const locationWeights = LOCATIONS.map((location) => location.weight);

  // ---- people, departments and the management structure
  const people: DemoPersonRecord[] = [];
  const emailCounts = new Map<string, number>();
  const engagement: number[] = [];
  const engagementOf = new Map<DemoPersonRecord, number>();
  const makePerson = (index: number, department: string, title: string): DemoPersonRecord => {
    const firstName = random.pick(FIRST_NAMES);
    const lastName = random.pick(LAST_NAMES);
    const local = emailLocalPart(firstName, lastName);
    // Namesakes get a number: jan.jansen, jan.jansen2, jan.jansen3…
    const namesakes = (emailCounts.get(local) ?? 0) + 1;
    emailCounts.set(local, namesakes);
    const email = `${local}${namesakes === 1 ? '' : namesakes}@${EMAIL_DOMAIN}`;
    engagement[index] = random.activity();
    const person: DemoPersonRecord = {
      id: personId(index, size),
      name: `${firstName} ${lastName}`,
      firstName,
      lastName,
      email,
      title,
      department,
      location: LOCATIONS[random.weightedIndex(locationWeights)].name,
      about: '',
      isManagement: false,
      isMember: false,
      skills: [],
    };
    engagementOf.set(person, engagement[index]);
    return person;
  };

  const board = 'Directie';
  const ceo = makePerson(0, board, 'Algemeen directeur');
  ceo.isManagement = true;
  people.push(ceo);
  const byDepartment = new Map<string, DemoPersonRecord[]>(departments.map((name) => [name, []]));
  byDepartment.get(board)!.push(ceo);
  for (let index = 1; index < size; index++) {
    const department =
      index === 1
        ? board
        : index - 2 < departments.length - 1
          ? departments[index - 2]
          : departments[random.weightedIndex(departmentWeights)];
    const person = makePerson(index, department, '');
    people.push(person);
    byDepartment.get(department)!.push(person);
  }
  const managementIds = [ceo.id];
  let communityManager: DemoPersonRecord | undefined;
  for (const [department, members] of byDepartment) {
    if (department === board) {
      for (const person of members.slice(1)) {
        person.title = TITLES[board][0];
        person.managerId = ceo.id;
      }
      continue;
    }
    const [head, ...rest] = members;
    if (!head) continue;
    head.title = `Hoofd ${department}`;
    head.isManagement = true;
    head.managerId = ceo.id;
    managementIds.push(head.id);
    const leadCount = Math.floor(rest.length / 10);
    const leads = rest.slice(0, leadCount);
    for (const lead of leads) {
      lead.title = `Teamleider ${department}`;
      lead.managerId = head.id;
    }
    rest.slice(leadCount).forEach((person, position) => {
      person.title = random.pick(TITLES[department]);
      person.managerId = leads.length > 0 ? leads[position % leads.length].id : head.id;
    });
    if (department === 'Marketing & Communicatie' && rest.length > leadCount) {
      communityManager = rest[leadCount];
      communityManager.title = 'Communitymanager';
    }
  }
  communityManager ??= people[people.length - 1];

  // ---- skills
  for (const person of people) {
    const groups = (DEPARTMENT_SKILL_GROUPS[person.department] ?? []).map((id) => skillGroup(id)!);
    const wanted = random.int(2, 7);
    const chosen = new Map<string, DemoSkillRecord>();
    for (let attempt = 0; attempt < wanted * 3 && chosen.size < wanted; attempt++) {
      const fromDepartment = random.chance(0.85) && groups.length > 0;
      const name = fromDepartment
        ? random.pick(groups[random.weightedIndex([8, 4, 2, 1].slice(0, groups.length))].skills)
        : random.pick(SKILLS);
      if (chosen.has(name)) continue;
      const level = (['learning', 'practitioner', 'expert'] as const)[random.weightedIndex(LEVEL_WEIGHTS)];
      const tags: SkillTag[] = [];
      if (random.chance(level === 'expert' ? 0.55 : level === 'practitioner' ? 0.2 : 0))
        tags.push('askMeAbout');
      if (random.chance(level === 'expert' ? 0.4 : 0.05) && level !== 'learning') tags.push('ableToMentor');
      if (level === 'learning' && random.chance(0.6)) tags.push('wantsToLearn');
      chosen.set(name, { name, level, tags });
    }
    person.skills = [...chosen.values()];
    const topSkill = person.skills[0]?.name ?? 'samenwerken';
    person.about = random.pick(aboutTemplates)({
      title: person.title,
      department: person.department,
      location: person.location,
      skill: topSkill,
    });
  }

  // ---- membership and the invite tree
  const founders = new Set<DemoPersonRecord>([communityManager]);
  const founderCount = Math.max(5, Math.round(size * 0.04));
  while (founders.size < Math.min(founderCount, size)) founders.add(people[random.int(0, size - 1)]);
  const joinDays = new Map<DemoPersonRecord, number>();
  for (const person of people) {
    if (founders.has(person)) {
      joinDays.set(person, 240 + random.next() * 30);
    } else if (random.chance(person.isManagement ? 0.8 : 0.55)) {
      joinDays.set(person, 236 * Math.pow(random.next(), 1.3));
    }
  }
  const members = [...joinDays.keys()].sort(
    (a, b) => joinDays.get(b)! - joinDays.get(a)! || compareCodePoints(a.id, b.id),
  );
  const invites: InviteRecord[] = [];
  let inviteCounter = 0;
  const newInviteId = () => `i${String(++inviteCounter).padStart(6, '0')}`;
  // A pool where eager recruiters appear more often, so a few people bring in many.
  const recruiterPool: DemoPersonRecord[] = [];
  const joinedMsOf = new Map<DemoPersonRecord, number>();
  const departmentPools = new Map<string, DemoPersonRecord[]>();
  for (const person of members) {
    const joinedMs = anchorMs - Math.round(joinDays.get(person)! * DAY_MS);
    person.isMember = true;
    person.joinedAt = iso(joinedMs);
    joinedMsOf.set(person, joinedMs);
    const samePool = departmentPools.get(person.department) ?? [];
    if (!founders.has(person) && recruiterPool.length > 0 && random.chance(0.78)) {
      const inviter =
        samePool.length > 0 && random.chance(0.55) ? random.pick(samePool) : random.pick(recruiterPool);
      const inviterJoined = joinedMsOf.get(inviter)!;
      const createdMs = Math.max(inviterJoined + DAY_MS / 24, joinedMs - random.next() * 6 * DAY_MS);
      person.invitedBy = inviter.id;
      invites.push({
        id: '',
        inviterId: inviter.id,
        email: person.email,
        inviteeId: person.id,
        status: 'accepted',
        createdAt: iso(createdMs),
        expiresAt: iso(createdMs + INVITE_VALID_DAYS * DAY_MS),
        respondedAt: person.joinedAt,
        token: random.token(),
      });
    }
    const copies = 1 + Math.round(engagementOf.get(person)! * 6);
    for (let copy = 0; copy < copies; copy++) {
      recruiterPool.push(person);
      samePool.push(person);
    }
    departmentPools.set(person.department, samePool);
  }

  // Open, declined, expired and revoked invitations to people still only in the directory.
  const nonMembers = people.filter((person) => !person.isMember);
  const statusCycle: InviteStatus[] = ['pending', 'expired', 'declined', 'revoked'];
  nonMembers.forEach((person, position) => {
    if (position >= 4 && !random.chance(0.3)) return;
    const inviter = position < 4 ? communityManager! : random.pick(recruiterPool);
    const status = position < 4 ? statusCycle[position] : statusCycle[random.weightedIndex([45, 30, 15, 10])];
    const daysAgo =
      status === 'pending'
        ? random.next() * (INVITE_VALID_DAYS - 1)
        : INVITE_VALID_DAYS + random.next() * 120;
    const inviterJoined = joinedMsOf.get(inviter)!;
    const createdMs = Math.max(inviterJoined + DAY_MS, anchorMs - daysAgo * DAY_MS);
    const expiresMs = createdMs + INVITE_VALID_DAYS * DAY_MS;
    invites.push({
      id: '',
      inviterId: inviter.id,
      email: person.email,
      inviteeId: person.id,
      message: random.chance(0.5) ? `Hoi ${person.firstName}, dit is echt iets voor jou!` : undefined,
      status: status === 'expired' || (status === 'pending' && expiresMs < anchorMs) ? 'expired' : status,
      createdAt: iso(createdMs),
      expiresAt: iso(expiresMs),
      respondedAt:
        status === 'declined' || status === 'revoked'
          ? iso(Math.min(anchorMs - 1, createdMs + random.next() * 5 * DAY_MS))
          : undefined,
      token: random.token(),
    });
  });
  invites.sort((a, b) => compareCodePoints(a.createdAt, b.createdAt));
  for (const invite of invites) invite.id = newInviteId();

  const inviteLinks: InviteLinkRecord[] = [
    {
      token: random.token(),
      inviterId: communityManager.id,
      createdAt: iso(anchorMs - 3 * DAY_MS),
      expiresAt: iso(anchorMs + 27 * DAY_MS),
    },
    {
      token: random.token(),
      inviterId: communityManager.id,
      createdAt: iso(anchorMs - 60 * DAY_MS),
      expiresAt: iso(anchorMs - 30 * DAY_MS),
    },
  ];

  // ---- endorsements
  const memberRecords = people.filter((person) => person.isMember);
  const membersByDepartment = new Map<string, DemoPersonRecord[]>();
  for (const member of memberRecords) {
    const list = membersByDepartment.get(member.department) ?? [];
    list.push(member);
    membersByDepartment.set(member.department, list);
  }
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

  return {
    seed,
    size,
    anchor: iso(anchorMs),
    departments,
    people,
    endorsements,
    engagement,
    invites,
    inviteLinks,
    ambassadors,
    evidence,
    badges,
    communityManagerId: communityManager.id,
    managementIds,
  };
}

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
  const memberRecords = people.filter((person) => person.isMember);
  const membersByDepartment = new Map<string, DemoPersonRecord[]>();
  for (const member of memberRecords) {
    const list = membersByDepartment.get(member.department) ?? [];
    list.push(member);
    membersByDepartment.set(member.department, list);
  }
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
