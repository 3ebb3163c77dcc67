/** People: the current user, look-ups by id or e-mail, skill suggestions. */
import { BackendError } from '../../errors.js';
import type { Person, PersonLink, Skill } from '../../model.js';
import type { DemoContext } from './context.js';
import type { DemoPersonRecord, DemoSkillRecord } from './seed.js';
import type { DemoStore } from './store.js';
import { SKILLS } from './skills.js';
import { foldText } from './text.js';

/** A skill as the viewer sees it: endorsement count and whether they endorsed it. */
export function toSkill(store: DemoStore, personId: string, skill: DemoSkillRecord, viewerId: string): Skill {
  const { count, byViewer } = store.endorsementsOf(personId, skill.name, viewerId);
  return {
    name: skill.name,
    level: skill.level,
    tags: [...skill.tags],
    endorsements: count,
    endorsedByMe: byViewer,
  };
}

/** A fresh `Person` for a record (callers may mutate it freely). */
export function toPerson(store: DemoStore, record: DemoPersonRecord, viewerId: string): Person {
  const links: PersonLink[] = [
    { kind: 'mail', url: `mailto:${record.email}` },
    { kind: 'chat', url: `https://teams.microsoft.com/l/chat/0/0?users=${encodeURIComponent(record.email)}` },
  ];
  return {
    id: record.id,
    name: record.name,
    email: record.email,
    title: record.title,
    department: record.department,
    location: record.location,
    about: record.about,
    skills: record.skills.map((skill) => toSkill(store, record.id, skill, viewerId)),
    managerId: record.managerId,
    isManagement: record.isManagement,
    isMember: record.isMember,
    joinedAt: record.joinedAt,
    invitedBy: record.invitedBy,
    links,
    // For very large demo companies kudos are generated on first use; until then the count is unknown.
    kudosReceived: store.historyReady ? store.kudosReceivedCount(record.id) : undefined,
  };
}

export function createPeopleModule(context: DemoContext) {
  const { store } = context;

  function requirePerson(id: string): DemoPersonRecord {
    const person = store.findPerson(id);
    if (!person)
      throw new BackendError('not-found', `There is no person "${id}".`, { code: 'person.unknown' });
    return person;
  }

  return {
    requirePerson,

    currentUser(): Person {
      return toPerson(store, requirePerson(context.currentUserId), context.currentUserId);
    },

    getPeople(ids: readonly string[]): (Person | null)[] {
      return ids.map((id) => {
        const record = typeof id === 'string' ? store.findPerson(id) : undefined;
        return record ? toPerson(store, record, context.currentUserId) : null;
      });
    },

    /** Taxonomy and declared skills; those starting with the text first, then those containing it. */
    suggestSkills(text: string): string[] {
      const needle = foldText(text);
      if (!needle) return [];
      const known = new Set<string>(SKILLS);
      for (const skill of store.people.get(context.currentUserId)?.skills ?? []) known.add(skill.name);
      const starts: string[] = [];
      const contains: string[] = [];
      for (const skill of known) {
        const folded = foldText(skill);
        if (folded.startsWith(needle)) starts.push(skill);
        else if (folded.includes(needle)) contains.push(skill);
      }
      const byName = (a: string, b: string) => a.localeCompare(b, 'nl');
      return [...starts.sort(byName), ...contains.sort(byName)].slice(0, 10);
    },
  };
}
