/**
 * Open Badges 3.0 export: turns a badge award into an `OpenBadgeCredential` (a W3C Verifiable
 * Credential 2.0, JSON-LD). Kring has no signing key by default, so the document is unsigned and
 * says so in its `description` (and that every field is the holder's to edit); a host with a key can sign
 * the returned object before handing it out. The e-mail address travels only as a salted SHA-256 hash
 * (an Open Badges `IdentityHash`): a file passed around does not give it away.
 */
import { badgeImageDataUri } from './badge-image.js';
import type { BadgeAward, Person } from '../model.js';
import { growthStrings } from '../i18n/growth.js';
import { translate, type Language } from '../i18n/index.js';
import type { KringConfig } from '../context.js';
import { formatList, levelName, levelRequirements, roleName } from './labels.js';
import { sha256Hex } from './sha256.js';

export const VC_CONTEXT_V2 = 'https://www.w3.org/ns/credentials/v2';
export const OB_CONTEXT_V3 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';

export interface OpenBadgeProfile {
  id: string;
  type: ['Profile'];
  name: string;
  url?: string;
}

export interface OpenBadgeAchievement {
  id: string;
  type: ['Achievement'];
  name: string;
  description: string;
  criteria: { narrative: string };
  /** The emblem of the role and level, as an SVG data URI. */
  image: { id: string; type: 'Image'; caption: string };
  inLanguage: string;
}

export interface OpenBadgeIdentityObject {
  type: 'IdentityObject';
  hashed: true;
  /** `sha256$` and the hex SHA-256 of the lower-case address followed by `salt`. */
  identityHash: string;
  identityType: 'emailAddress';
  salt: string;
}

export interface OpenBadgeEvidence {
  id?: string;
  type: ['Evidence'];
  name?: string;
  narrative?: string;
}

export interface OpenBadgeCredential {
  '@context': [typeof VC_CONTEXT_V2, typeof OB_CONTEXT_V3];
  id: string;
  type: ['VerifiableCredential', 'OpenBadgeCredential'];
  name: string;
  description: string;
  issuer: OpenBadgeProfile;
  validFrom: string;
  awardedDate: string;
  credentialSubject: {
    id: string;
    type: ['AchievementSubject'];
    name: string;
    identifier?: OpenBadgeIdentityObject[];
    achievement: OpenBadgeAchievement;
  };
  evidence?: OpenBadgeEvidence[];
}

export interface OpenBadgeInput {
  award: BadgeAward;
  recipient: Pick<Person, 'id' | 'name' | 'email'>;
  organization?: KringConfig['organization'];
  lang: Language;
  /** Salt for the e-mail hash. Default: derived from the award id, so the same award gives the same file. */
  salt?: string;
}

/** A URN-safe slug, so ids stay valid URIs whatever the organisation is called. */
function slug(value: string): string {
  return (
    value
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'community'
  );
}

function baseUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
    return parsed.href.replace(/\/$/, '');
  } catch {
    return undefined;
  }
}

/** Builds the credential document for one award. Pure: same input, same document. */
export function buildOpenBadgeCredential({
  award,
  recipient,
  organization,
  lang,
  salt = `kring-${award.id}`,
}: OpenBadgeInput): OpenBadgeCredential {
  const organizationName =
    organization?.name?.trim() || translate(growthStrings, lang, 'ob.defaultOrganization');
  const orgUrl = baseUrl(organization?.url);
  const issuerId = orgUrl ?? `urn:kring:issuer:${slug(organizationName)}`;
  const role = roleName(lang, award.role);
  const level = levelName(lang, award.level);
  const achievementName = translate(growthStrings, lang, 'ob.achievementName', { role, level });
  const requirements = formatList(lang, levelRequirements(lang, award.role, award.level));

  const evidence: OpenBadgeEvidence[] = award.evidence.map((item) => ({
    id: item.url,
    type: ['Evidence'],
    name: item.description || translate(growthStrings, lang, 'ob.evidence'),
  }));
  if (award.criteriaMet.length > 0) {
    evidence.push({ type: ['Evidence'], narrative: award.criteriaMet.join('\n') });
  }

  const issuer: OpenBadgeProfile = { id: issuerId, type: ['Profile'], name: organizationName };
  if (orgUrl) issuer.url = orgUrl;

  const subject: OpenBadgeCredential['credentialSubject'] = {
    id: orgUrl
      ? `${orgUrl}/kring/people/${encodeURIComponent(recipient.id)}`
      : `urn:kring:person:${encodeURIComponent(recipient.id)}`,
    type: ['AchievementSubject'],
    name: recipient.name,
    achievement: {
      id: orgUrl
        ? `${orgUrl}/kring/achievements/${award.role}-${award.level}`
        : `urn:kring:achievement:${slug(organizationName)}:${award.role}-${award.level}`,
      type: ['Achievement'],
      name: achievementName,
      description: translate(growthStrings, lang, `role.${award.role}.description`),
      criteria: {
        narrative: translate(growthStrings, lang, 'ob.narrative', {
          role,
          level,
          organization: organizationName,
          requirements,
        }),
      },
      image: { id: badgeImageDataUri(award.role, award.level), type: 'Image', caption: achievementName },
      inLanguage: lang,
    },
  };
  if (recipient.email) {
    subject.identifier = [
      {
        type: 'IdentityObject',
        hashed: true,
        identityHash: `sha256$${sha256Hex(recipient.email.trim().toLowerCase() + salt)}`,
        identityType: 'emailAddress',
        salt,
      },
    ];
  }

  const credential: OpenBadgeCredential = {
    '@context': [VC_CONTEXT_V2, OB_CONTEXT_V3],
    id: orgUrl
      ? `${orgUrl}/kring/badges/${encodeURIComponent(award.id)}`
      : `urn:kring:badge:${slug(organizationName)}:${encodeURIComponent(award.id)}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: achievementName,
    description: translate(growthStrings, lang, 'ob.unsigned', { organization: organizationName }),
    issuer,
    validFrom: new Date(award.awardedAt).toISOString(),
    awardedDate: new Date(award.awardedAt).toISOString(),
    credentialSubject: subject,
  };
  if (evidence.length > 0) credential.evidence = evidence;
  return credential;
}

/** File name for the download: `kring-badge-writer-champion.json`. */
export function openBadgeFileName(award: Pick<BadgeAward, 'role' | 'level'>): string {
  return `kring-badge-${award.role}-${award.level}.json`;
}
