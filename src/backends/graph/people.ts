import type { Person, PersonLink, Skill, SkillLevel, SkillTag } from '../../model.js';

export type GraphUser = Record<string, unknown>;

/** The fields a card shows; nothing else is asked for (`$select`). */
export const CARD_FIELDS = [
  'id',
  'displayName',
  'mail',
  'userPrincipalName',
  'jobTitle',
  'department',
  'officeLocation',
] as const;

/** An opened card also shows "about me", which Graph only returns on a single-user GET. */
export const DETAIL_FIELDS = [...CARD_FIELDS, 'aboutMe'] as const;

/** Graph accepts at most 15 values in one `in (…)` filter. */
export const MAX_FILTER_VALUES = 15;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isGuid(value: string): boolean {
  return GUID.test(value);
}

/** How a look-up key is normalised: Graph ids and sign-in names compare case-insensitively. */
export function lookupKey(idOrEmail: string): string {
  return idOrEmail.trim().toLowerCase();
}

/**
 * Kring's person id for a Graph user: the lower-case sign-in name, the same id the SharePoint adapter
 * uses, so the community lists can be shared by both adapters.
 */
export function personIdOf(user: GraphUser): string {
  return String(user.userPrincipalName ?? user.mail ?? user.id ?? '').toLowerCase();
}

/** Every key a user can be asked for by: id, sign-in name, mail. */
export function keysOf(user: GraphUser): string[] {
  return [user.id, user.userPrincipalName, user.mail]
    .filter((value): value is string => typeof value === 'string' && value !== '')
    .map(lookupKey);
}

const str = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

export function personFromUser(
  user: GraphUser,
  photoUrl: string | null | undefined,
  details?: { skills: Skill[] },
): Person {
  const upn = str(user.userPrincipalName);
  const email = str(user.mail) ?? upn;
  const links: PersonLink[] = [];
  if (upn) {
    links.push({
      kind: 'chat',
      url: `https://teams.microsoft.com/l/chat/0/0?users=${encodeURIComponent(upn)}`,
    });
  }
  const person: Person = {
    id: personIdOf(user),
    name: str(user.displayName) ?? email ?? String(user.id ?? ''),
    email,
    title: str(user.jobTitle),
    department: str(user.department),
    location: str(user.officeLocation),
    photoUrl: photoUrl ?? undefined,
    skills: details?.skills ?? [],
    isManagement: false,
    links,
  };
  if (details) {
    const about = str(user.aboutMe);
    if (about) person.about = about;
  } else {
    person.summaryOnly = true;
  }
  return person;
}

/** skillProficiency.proficiency → Kring's three levels. */
const LEVELS: Record<string, SkillLevel> = {
  elementary: 'learning',
  limitedWorking: 'learning',
  generalProfessional: 'practitioner',
  advancedProfessional: 'practitioner',
  expert: 'expert',
};

/** skillProficiency.collaborationTags → Kring's tags (`wantsToImprove` reads as wanting to learn). */
const TAGS: Record<string, SkillTag> = {
  askMeAbout: 'askMeAbout',
  ableToMentor: 'ableToMentor',
  wantsToLearn: 'wantsToLearn',
  wantsToImprove: 'wantsToLearn',
};

export interface EndorsementCounts {
  count(person: string, skill: string): number;
  byMe(person: string, skill: string): boolean;
}

export const NO_ENDORSEMENTS: EndorsementCounts = { count: () => 0, byMe: () => false };

/** `/beta/users/{id}/profile/skills` → Kring skills, with endorsements from the community lists. */
export function skillsFromProfile(body: unknown, personId: string, endorsements: EndorsementCounts): Skill[] {
  const values = typeof body === 'object' && body !== null ? (body as { value?: unknown }).value : undefined;
  if (!Array.isArray(values)) return [];
  const skills = new Map<string, Skill>();
  for (const raw of values) {
    if (typeof raw !== 'object' || raw === null) continue;
    const entry = raw as Record<string, unknown>;
    const name = str(entry.displayName);
    if (!name || skills.has(name.toLowerCase())) continue;
    const tags = Array.isArray(entry.collaborationTags)
      ? [...new Set(entry.collaborationTags.map((tag) => TAGS[String(tag)]).filter(Boolean))]
      : [];
    skills.set(name.toLowerCase(), {
      name,
      level: LEVELS[String(entry.proficiency)] ?? 'practitioner',
      tags,
      endorsements: endorsements.count(personId, name),
      endorsedByMe: endorsements.byMe(personId, name),
    });
  }
  return [...skills.values()];
}

/** A value for an OData string literal: single quotes doubled. */
export function odataLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
