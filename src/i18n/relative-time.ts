import type { Language } from './index.js';

// Apart from the i18n module: only the kudos feed's items say "3 days ago", and the script-tag core
// (a page of cards) does not carry it.
const relativeFormats = new Map<Language, Intl.RelativeTimeFormat>();
function relativeTimeFormat(lang: Language): Intl.RelativeTimeFormat {
  let format = relativeFormats.get(lang);
  if (!format) {
    format = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
    relativeFormats.set(lang, format);
  }
  return format;
}

/** "3 days ago" / "3 dagen geleden", with the unit chosen from the distance. */
export function formatRelativeTime(lang: Language, value: string | Date, now: Date = new Date()): string {
  const seconds = Math.round((new Date(value).getTime() - now.getTime()) / 1000);
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['year', 31_536_000],
    ['month', 2_592_000],
    ['week', 604_800],
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ];
  const format = relativeTimeFormat(lang);
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(seconds, 'second');
}
