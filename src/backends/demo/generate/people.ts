/** Stage 1: people, departments and the management structure, with their skills. */
import type { SkillTag } from '../../../model.js';
import {
  DEPARTMENTS,
  EMAIL_DOMAIN,
  FIRST_NAMES,
  LAST_NAMES,
  LOCATIONS,
  TITLES,
  emailLocalPart,
} from '../names.js';
import type { Random } from '../random.js';
import { DEPARTMENT_SKILL_GROUPS, SKILLS, skillGroup } from '../skills.js';
import type { DemoPersonRecord, DemoSkillRecord } from '../seed.js';
import { compileTemplate, personId } from './formatting.js';

/** What the stages of one generation share: the random stream (in stage order) and the company so far. */
export interface Generation {
  random: Random;
  size: number;
  anchorMs: number;
  people: DemoPersonRecord[];
  /** Per person (same order as `people`): how active they are, 0…1. */
  engagement: number[];
  engagementOf: Map<DemoPersonRecord, number>;
  managementIds: string[];
  communityManager: DemoPersonRecord;
}

const LEVEL_WEIGHTS = [25, 50, 25];
const ABOUT_TEMPLATES = [
  'Ik werk als {title} bij {department} in {location}. Vraag me gerust naar {skill}.',
  'Sinds een paar jaar {title}. Ik houd van {skill} en help collega’s graag op weg.',
  '{title} in {location}. Buiten het werk: fietsen, koken en lezen.',
  'I work as {title} in {department}. Happy to talk about {skill}.',
  'Bij {department} zorg ik dat alles soepel loopt. Specialisme: {skill}.',
];
const aboutTemplates = ABOUT_TEMPLATES.map(compileTemplate);

/** The company's people: the board, a head and team leads per department, a community manager. */
export function generatePeople(random: Random, size: number, anchorMs: number): Generation {
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

  return { random, size, anchorMs, people, engagement, engagementOf, managementIds, communityManager };
}

/** The members among `people`, and the same per department (in `people`'s order). */
export function membersOf(people: readonly DemoPersonRecord[]): {
  members: DemoPersonRecord[];
  byDepartment: Map<string, DemoPersonRecord[]>;
} {
  const members = people.filter((person) => person.isMember);
  const byDepartment = new Map<string, DemoPersonRecord[]>();
  for (const member of members) {
    const list = byDepartment.get(member.department) ?? [];
    list.push(member);
    byDepartment.set(member.department, list);
  }
  return { members, byDepartment };
}
