/**
 * Every Kring web part: its element's tag and the attributes its property pane edits. Property names are
 * the attribute names, so a web part's saved properties map one to one onto the element. Choices come
 * from the arrays the elements validate against (generated from the Kring sources).
 */
import {
  AMBASSADOR_ROLES,
  BADGE_SIZES,
  HEADING_LEVELS,
  INVITE_MODES,
  PROFILE_CARD_VIEWS,
} from '../generated/kring-attributes';
import type { StringKey } from './strings';

export type FieldKind = 'text' | 'number' | 'toggle' | 'choice' | 'person';

export interface AttributeField {
  /** The element attribute, also the web part property name. */
  attribute: string;
  kind: FieldKind;
  label: StringKey;
  description?: StringKey;
  /** Allowed values (`choice`). */
  choices?: readonly string[];
  /** `choice` fields that may be left empty (the element's default). */
  optional?: boolean;
}

export interface WebPartDefinition {
  tag: string;
  fields: readonly AttributeField[];
}

const person: AttributeField = {
  attribute: 'person',
  kind: 'person',
  label: 'person',
  description: 'personDescription',
};
const hrefTemplate: AttributeField = {
  attribute: 'href-template',
  kind: 'text',
  label: 'hrefTemplate',
  description: 'hrefTemplateDescription',
};
const headingLevel: AttributeField = {
  attribute: 'heading-level',
  kind: 'choice',
  label: 'headingLevel',
  choices: HEADING_LEVELS,
  optional: true,
};
const month: AttributeField = { attribute: 'month', kind: 'text', label: 'month' };

export const WEB_PARTS = {
  profileCard: {
    tag: 'kring-profile-card',
    fields: [
      person,
      { attribute: 'view', kind: 'choice', label: 'view', choices: PROFILE_CARD_VIEWS },
      hrefTemplate,
    ],
  },
  expertiseFinder: {
    tag: 'kring-expertise-finder',
    fields: [
      { attribute: 'query', kind: 'text', label: 'query' },
      { attribute: 'skill', kind: 'text', label: 'skill' },
      { attribute: 'department', kind: 'text', label: 'department' },
      { attribute: 'limit', kind: 'number', label: 'limit' },
      { attribute: 'placeholder', kind: 'text', label: 'placeholder' },
      { attribute: 'show-facets', kind: 'toggle', label: 'showFacets' },
      hrefTemplate,
    ],
  },
  kudosFeed: {
    tag: 'kring-kudos-feed',
    fields: [
      { attribute: 'compose', kind: 'toggle', label: 'compose' },
      { ...person, description: undefined },
      { attribute: 'from', kind: 'text', label: 'from' },
      { attribute: 'department', kind: 'text', label: 'department' },
      { attribute: 'value', kind: 'text', label: 'value' },
      { attribute: 'limit', kind: 'number', label: 'limit' },
    ],
  },
  invite: {
    tag: 'kring-invite',
    fields: [
      { attribute: 'mode', kind: 'choice', label: 'mode', choices: INVITE_MODES },
      {
        attribute: 'allowed-domains',
        kind: 'text',
        label: 'allowedDomains',
        description: 'allowedDomainsDescription',
      },
      { attribute: 'quota', kind: 'number', label: 'quota' },
    ],
  },
  ambassadorProgramme: { tag: 'kring-ambassador-programme', fields: [] },
  ambassadorBadge: {
    tag: 'kring-ambassador-badge',
    fields: [
      person,
      {
        attribute: 'badge-role',
        kind: 'choice',
        label: 'badgeRole',
        choices: AMBASSADOR_ROLES,
        optional: true,
      },
      { attribute: 'size', kind: 'choice', label: 'size', choices: BADGE_SIZES },
    ],
  },
  pulse: { tag: 'kring-pulse', fields: [headingLevel, month] },
  report: { tag: 'kring-report', fields: [headingLevel, month] },
  pioneers: {
    tag: 'kring-pioneers',
    fields: [headingLevel, { attribute: 'limit', kind: 'number', label: 'limit' }],
  },
  welcome: {
    tag: 'kring-welcome',
    fields: [{ attribute: 'token-param', kind: 'text', label: 'tokenParam' }],
  },
} satisfies Record<string, WebPartDefinition>;

/** The connection settings every web part and the extension carry (property names = attribute names). */
export interface ConnectionProperties {
  backend?: string;
  'site-url'?: string;
  endpoint?: string;
  /** Application ID URI of the Kring Server app registration (`backend="rest"`), for AadHttpClient. */
  'server-resource'?: string;
}

export type KringWebPartProperties = ConnectionProperties &
  Record<string, string | number | boolean | undefined>;
