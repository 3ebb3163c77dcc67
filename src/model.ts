/**
 * Domain types shared by every element, the client and every backend adapter.
 * Dates are ISO 8601 strings so the same shapes travel over JSON unchanged.
 */

/** A date-time as an ISO 8601 string, e.g. `2026-10-14T09:30:00.000Z`. */
export type IsoDateTime = string;
/** A calendar month as `YYYY-MM`, e.g. `2026-10`. */
export type IsoMonth = string;

export const SKILL_LEVELS = ['learning', 'practitioner', 'expert'] as const;
export type SkillLevel = (typeof SKILL_LEVELS)[number];

export const SKILL_TAGS = ['askMeAbout', 'ableToMentor', 'wantsToLearn'] as const;
export type SkillTag = (typeof SKILL_TAGS)[number];

export interface Skill {
  name: string;
  level: SkillLevel;
  tags: SkillTag[];
  /** How many colleagues endorsed this skill. */
  endorsements: number;
  /** Whether the current user endorsed it. */
  endorsedByMe: boolean;
}

export const LINK_KINDS = ['mail', 'chat', 'profile', 'web'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

export interface PersonLink {
  kind: LinkKind;
  url: string;
  label?: string;
}

export interface Person {
  id: string;
  name: string;
  email?: string;
  title?: string;
  department?: string;
  location?: string;
  photoUrl?: string;
  /**
   * True while the photo is still on its way: the names of a page of cards come first and the photos
   * follow through `Backend.watchPeople`. A card shows a plain circle, not initials that would flip to a photo.
   */
  photoPending?: boolean;
  /** Plain text. Adapters turn HTML sources (SharePoint AboutMe) into text. */
  about?: string;
  skills: Skill[];
  managerId?: string;
  /** Member of the management team (for the management-participation metric). */
  isManagement: boolean;
  /** Whether the person joined the community; unset or false means "in the directory only". */
  isMember?: boolean;
  joinedAt?: IsoDateTime;
  /** Person id of whoever invited this person. */
  invitedBy?: string;
  links: PersonLink[];
  /** Kudos received, all time, when the backend knows it. */
  kudosReceived?: number;
  /**
   * True when the backend sent only what a compact card shows (no skills, no "about me"), as the Graph
   * adapter does for page-wide look-ups; the details come when the person is opened.
   */
  summaryOnly?: boolean;
}

/** A page of results. `next` is an opaque cursor; absent means "no more". */
export interface Page<T> {
  items: T[];
  next?: string;
  total?: number;
}

// ---------------------------------------------------------------- search

export interface PeopleQuery {
  /** Free text: names, skills, titles. Matching is accent- and case-insensitive. */
  text?: string;
  /** Restrict to people who declared this skill. */
  skill?: string;
  department?: string;
  /** Only community members (default false: the whole directory). */
  membersOnly?: boolean;
  limit?: number;
  cursor?: string;
}

export const MATCH_KINDS = ['skill-exact', 'skill-prefix', 'name', 'title', 'about', 'department'] as const;
export type MatchKind = (typeof MATCH_KINDS)[number];

/** Why a person is in the results: the evidence the ranking used. */
export interface MatchEvidence {
  kind: MatchKind;
  /** The skill or field that matched. */
  value: string;
  level?: SkillLevel;
  endorsements?: number;
  tags?: SkillTag[];
  /** Kudos in the last 90 days whose message or value names the skill. */
  recentKudos?: number;
}

export interface PersonMatch {
  person: Person;
  score: number;
  evidence: MatchEvidence[];
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface PeopleSearchResult extends Page<PersonMatch> {
  /**
   * `false` when the backend could not search skills (Microsoft Graph searches names and job titles
   * only): an empty result then does not mean that nobody knows the skill.
   */
  skillsSearched?: boolean;
  facets?: {
    departments: FacetCount[];
    relatedSkills: FacetCount[];
  };
}

// ---------------------------------------------------------------- kudos

export const REACTION_TYPES = ['thanks', 'celebrate', 'love', 'insightful'] as const;
export type ReactionType = (typeof REACTION_TYPES)[number];

export interface ReactionSummary {
  type: ReactionType;
  count: number;
  reactedByMe: boolean;
}

export interface Kudos {
  id: string;
  /** Giver's person id. */
  from: string;
  /** Receivers' person ids (one or more). */
  to: string[];
  /** Company value tag, e.g. "Samen sterk". */
  value?: string;
  /** Plain text; @mentions and links are parsed at render time, never as HTML. */
  message: string;
  /** BCP 47 language `message` is written in, when the backend knows it (it is then marked with `lang`). */
  lang?: string;
  createdAt: IsoDateTime;
  reactions: ReactionSummary[];
}

export interface KudosInput {
  to: string[];
  value?: string;
  message: string;
}

export interface KudosQuery {
  /** Received by this person. */
  person?: string;
  /** Given by this person. */
  from?: string;
  department?: string;
  value?: string;
  limit?: number;
  cursor?: string;
}

// ---------------------------------------------------------------- invitations

export const INVITE_STATUSES = ['pending', 'accepted', 'declined', 'expired', 'revoked'] as const;
export type InviteStatus = (typeof INVITE_STATUSES)[number];

export interface Invite {
  id: string;
  inviterId: string;
  email: string;
  /** Directory id of the invitee, when known. */
  inviteeId?: string;
  message?: string;
  status: InviteStatus;
  createdAt: IsoDateTime;
  expiresAt: IsoDateTime;
  respondedAt?: IsoDateTime;
  /** The invitation e-mail, when the backend sends it (Kring Server with SMTP): a refusal shows here. */
  delivery?: InviteDelivery;
}

export interface InviteDelivery {
  status: 'queued' | 'sent' | 'failed';
  /** When it was sent or refused. */
  at?: IsoDateTime;
  /** The mail server's reason for a refusal. */
  error?: string;
}

export interface InviteInput {
  /** E-mail address; or pick `personId` from the directory. */
  email?: string;
  personId?: string;
  message?: string;
}

export interface InviteQuota {
  limit: number;
  used: number;
  remaining: number;
  resetsAt: IsoDateTime;
}

export interface InviteLink {
  token: string;
  url: string;
  expiresAt: IsoDateTime;
}

export const INVITE_TOKEN_STATES = ['valid', 'expired', 'revoked', 'used', 'unknown'] as const;
export type InviteTokenState = (typeof INVITE_TOKEN_STATES)[number];

export interface InviteTokenInfo {
  state: InviteTokenState;
  inviter?: Person;
  invite?: Invite;
}

export interface InviteTreeNode {
  personId: string;
  joinedAt?: IsoDateTime;
  children: InviteTreeNode[];
}

// ---------------------------------------------------------------- ambassadors

export const AMBASSADOR_ROLES = ['presenter', 'writer', 'responder', 'connector', 'recruiter'] as const;
export type AmbassadorRole = (typeof AMBASSADOR_ROLES)[number];

export const AMBASSADOR_LEVELS = ['starter', 'active', 'champion'] as const;
export type AmbassadorLevel = (typeof AMBASSADOR_LEVELS)[number];

export interface EvidenceLink {
  url: string;
  description?: string;
}

export interface BadgeAward {
  id: string;
  personId: string;
  role: AmbassadorRole;
  level: AmbassadorLevel;
  awardedAt: IsoDateTime;
  /** `system` when earned by criteria, otherwise the community manager's person id. */
  awardedBy: string;
  /** Human-readable criteria met at award time. */
  criteriaMet: string[];
  evidence: EvidenceLink[];
  revokedAt?: IsoDateTime;
}

export interface CriterionProgress {
  /** Stable key, e.g. `accepted-invitations`. */
  criterion: string;
  current: number;
  /** Threshold of the next level, or of champion when reached. */
  target: number;
}

export interface RoleProgress {
  role: AmbassadorRole;
  /** Level reached, or undefined when below starter. */
  level?: AmbassadorLevel;
  criteria: CriterionProgress[];
}

export interface AmbassadorProfile {
  personId: string;
  roles: AmbassadorRole[];
  progress: RoleProgress[];
  badges: BadgeAward[];
}

export interface EvidenceInput {
  personId: string;
  role: AmbassadorRole;
  url: string;
  description?: string;
}

export interface BadgeAwardInput {
  personId: string;
  role: AmbassadorRole;
  level: AmbassadorLevel;
  evidence?: EvidenceLink[];
}

// ---------------------------------------------------------------- activity and metrics

export const ACTIVITY_TYPES = [
  'element-seen',
  'profile-opened',
  'search',
  'kudos-given',
  'reaction',
  'endorsement',
  'invite-sent',
  'invite-accepted',
  'ambassador-role-chosen',
  'post',
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

/** One recorded act. Carries the actor, a time and a type; nothing else personal. */
export interface ActivityEvent {
  type: ActivityType;
  actorId: string;
  at: IsoDateTime;
  /** Element tag for `element-seen`, normalised skill term for `search`, kudos value, role… */
  subject?: string;
}

export interface MetricsQuery {
  month: IsoMonth;
}

/** A figure with its value for the previous month; `null` when suppressed or unknown. */
export interface MetricFigure {
  value: number | null;
  previous: number | null;
  /** Relative change against the previous month (0.14 = +14%), null when not computable. */
  change: number | null;
  /** True when the value is withheld: fewer than 5 distinct people are behind it, or `complementary`. */
  suppressed?: boolean;
  /**
   * True when the value rests on 5 or more people but is withheld anyway, because a withheld figure could
   * otherwise be worked out from it (readers = visitors − contributors − creators).
   */
  complementary?: boolean;
}

export interface CommunityMetrics {
  month: IsoMonth;
  members: MetricFigure;
  visitors: MetricFigure;
  readers: MetricFigure;
  contributors: MetricFigure;
  creators: MetricFigure;
  stickiness: MetricFigure;
  invitedShare: MetricFigure;
  /** `null` where withheld (fewer than 5 people, or a figure a withheld one could be worked out from). */
  newMembersPerWeek: { weekStart: string; count: number | null; invited: number | null }[];
  /** `null` where withheld, as `newMembersPerWeek`. */
  inviteFunnel: { sent: number | null; accepted: number | null; activeWithin30Days: number | null };
  kudosGiven: MetricFigure;
  kudosGivers: MetricFigure;
  kudosReceivers: MetricFigure;
  crossDepartmentShare: MetricFigure;
  reciprocity: MetricFigure;
  managementParticipation: MetricFigure;
  topSkills: FacetCount[];
  topValues: FacetCount[];
  /**
   * Kudos counts giver department × receiver department; `null` where withheld: cells under 5 givers, and
   * enough others that no withheld cell follows from a row, column, diagonal or total.
   */
  departmentMatrix: { departments: string[]; counts: (number | null)[][] };
  /** Members at the end of each of the last 12 months up to `month`, oldest first, with those invited. */
  memberHistory?: MemberHistoryPoint[];
  /**
   * Figures this backend did not measure: not zero but unknown, and `null` (or empty). SharePoint and Graph
   * set it when no activity has been recorded at all (Kring's tracking not yet on the pages): visits,
   * reading and searches are then missing. Absent: everything was measured.
   */
  notMeasured?: readonly NotMeasuredFigure[];
}

/** The figures that come from recorded activity (visits, reading, searches), so a backend may lack them. */
export type NotMeasuredFigure =
  | 'visitors'
  | 'readers'
  | 'contributors'
  | 'creators'
  | 'stickiness'
  | 'managementParticipation'
  | 'activeWithin30Days'
  | 'topSkills';

/** Community size at the end of one month. */
export interface MemberHistoryPoint {
  month: IsoMonth;
  members: number;
  /** Members who joined through an invitation (`invitedBy` set). */
  invited: number;
}

export interface PioneerRank {
  personId: string;
  score: number;
  departmentsReached: number;
  /** Plain-language reason keys and values, rendered by the element. */
  reasons: { kind: 'kudos' | 'endorsements' | 'invites'; departments: number; count: number }[];
}
