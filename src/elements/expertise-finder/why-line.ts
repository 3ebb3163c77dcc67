import type { MatchEvidence } from '../../model.js';
import { expertiseStrings, type ExpertiseKey } from '../../i18n/expertise.js';
import { translate, translatePlural, type Language } from '../../i18n/index.js';

/**
 * The "why this person" line from the ranking's evidence, e.g.
 * "Expert in Power BI · 12 endorsements · can mentor · ask me about".
 */
export function whyLine(evidence: readonly MatchEvidence[], lang: Language): string {
  const t = (key: ExpertiseKey, params?: Record<string, string | number>) =>
    translate(expertiseStrings, lang, key, params);
  const parts: string[] = [];
  for (const item of evidence) {
    switch (item.kind) {
      case 'skill-exact':
      case 'skill-prefix': {
        parts.push(
          item.level
            ? t(`why.level.${item.level}` as ExpertiseKey, { skill: item.value })
            : t('why.skillPrefix', { skill: item.value }),
        );
        if (item.endorsements) {
          parts.push(translatePlural(expertiseStrings, lang, 'why.endorsements', item.endorsements));
        }
        if (item.tags?.includes('ableToMentor')) parts.push(t('why.mentor'));
        if (item.tags?.includes('askMeAbout')) parts.push(t('why.askMe'));
        if (item.recentKudos)
          parts.push(translatePlural(expertiseStrings, lang, 'why.kudos', item.recentKudos));
        break;
      }
      case 'name':
        // The name is on the row already; say so only when nothing else explains the match.
        if (evidence.length === 1) parts.push(t('why.name'));
        break;
      case 'title':
        parts.push(t('why.title', { value: item.value }));
        break;
      case 'about':
        parts.push(t('why.about'));
        break;
      case 'department':
        parts.push(t('why.department', { value: item.value }));
        break;
    }
  }
  return parts.join(' · ');
}
