/**
 * Generates the demo company: a deterministic `DemoData` for a seed, a size and an anchor day.
 * One module per stage (`./generate/`), run in a fixed order on one random stream. Activity events are
 * generated separately (`generateActivity`) because they are only needed for metrics and are by far the
 * largest part at 50,000 people.
 */
import type {
  AmbassadorRole,
  BadgeAward,
  Invite,
  IsoDateTime,
  Kudos,
  ReactionType,
  SkillLevel,
  SkillTag,
} from '../../model.js';
import { DEPARTMENTS } from './names.js';
import { Random } from './random.js';
import { generateAmbassadors } from './generate/ambassadors.js';
import { generateEndorsements } from './generate/endorsements.js';
import { iso, startOfUtcDay } from './generate/formatting.js';
import { generateMembership } from './generate/membership.js';
import { generatePeople } from './generate/people.js';

export { generateActivity } from './generate/activity.js';
export { iso, personId, startOfUtcDay } from './generate/formatting.js';
export { generateHistory } from './generate/history.js';

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

/** A stored kudos: its reactions are kept as `ReactionRecord`s and summed when it is read. */
export type KudosRecord = Omit<Kudos, 'reactions'>;

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

export function generateDemoData(options: GenerateOptions): DemoData {
  const size = Math.max(12, Math.floor(options.size));
  const seed = String(options.seed);
  const anchorMs = startOfUtcDay(options.now);
  // One stream for every stage, in this order: the same seed gives the same company.
  const generation = generatePeople(new Random(`kring-demo:${seed}`), size, anchorMs);
  const { invites, inviteLinks, joinedMsOf } = generateMembership(generation);
  const endorsements = generateEndorsements(generation);
  const { ambassadors, evidence, badges } = generateAmbassadors(generation, joinedMsOf);
  return {
    seed,
    size,
    anchor: iso(anchorMs),
    departments: DEPARTMENTS.map((department) => department.name),
    people: generation.people,
    endorsements,
    engagement: generation.engagement,
    invites,
    inviteLinks,
    ambassadors,
    evidence,
    badges,
    communityManagerId: generation.communityManager.id,
    managementIds: generation.managementIds,
  };
}
