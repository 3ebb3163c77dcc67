/** Human wording for roles, levels and criteria, in the reader's language. */
import type { AmbassadorLevel, AmbassadorRole } from '../model.js';
import { AMBASSADOR_LEVELS } from '../model.js';
import { growthStrings, type GrowthKey } from '../i18n/growth.js';
import { LANGUAGES, translate, translatePlural, type Language } from '../i18n/index.js';
import { AMBASSADOR_CRITERIA } from './criteria.js';

export function roleName(lang: Language, role: AmbassadorRole): string {
  return translate(growthStrings, lang, `role.${role}` as GrowthKey);
}

export function levelName(lang: Language, level: AmbassadorLevel): string {
  return translate(growthStrings, lang, `level.${level}` as GrowthKey);
}

/** "Writer, champion level" / "Schrijver, niveau kampioen": the badge's accessible name. */
export function badgeName(lang: Language, role: AmbassadorRole, level: AmbassadorLevel): string {
  return translate(growthStrings, lang, 'badge.name', {
    role: roleName(lang, role),
    level: levelName(lang, level),
  });
}

/** "10 accepted invitations". */
export function criterionAmount(lang: Language, criterion: string, count: number): string {
  return translatePlural(growthStrings, lang, `criterion.${criterion}`, count);
}

export function criterionTitle(lang: Language, criterion: string): string {
  return translate(growthStrings, lang, `criterion.title.${criterion}` as GrowthKey);
}

/** "at least 10 accepted invitations", per criterion of the role at that level. */
export function levelRequirements(lang: Language, role: AmbassadorRole, level: AmbassadorLevel): string[] {
  const index = AMBASSADOR_LEVELS.indexOf(level);
  return AMBASSADOR_CRITERIA[role].map((criterion) =>
    translate(growthStrings, lang, 'criterion.atLeast', {
      requirement: criterionAmount(lang, criterion.key, criterion.thresholds[index]),
    }),
  );
}

/** Joins list items the way the language does: "a, b and c" / "a, b en c". */
export function formatList(lang: Language, items: readonly string[]): string {
  return new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' }).format(items);
}

/**
 * A criterion amount stored with an award ("4 artikelen", "9 other departments reached": written in
 * whatever language the awarding backend used) in the reader's language; `undefined` when the text is not
 * one of Kring's own criteria.
 */
export function recognisedCriterionAmount(lang: Language, stored: string): string | undefined {
  const match = /^(\d+)\s+(.+)$/u.exec(stored.trim());
  if (!match) return undefined;
  const count = Number(match[1]);
  const criteria = new Set(
    Object.values(AMBASSADOR_CRITERIA).flatMap((list) => list.map((item) => item.key)),
  );
  for (const criterion of criteria) {
    for (const from of LANGUAGES) {
      for (const sample of [1, 2]) {
        if (criterionAmount(from, criterion, sample).replace(String(sample), match[1]) === stored.trim()) {
          return criterionAmount(lang, criterion, count);
        }
      }
    }
  }
  return undefined;
}

/** `recognisedCriterionAmount`, keeping text it does not recognise as written. */
export function localizedCriterionAmount(lang: Language, stored: string): string {
  return recognisedCriterionAmount(lang, stored) ?? stored;
}
