/**
 * The image an exported Open Badge carries (OB 3.0 `Achievement.image`): an emblem per role and level as
 * an SVG data URI, so the file shows a picture in any badge wallet without a server to fetch it from.
 */
import { AMBASSADOR_LEVELS, type AmbassadorLevel, type AmbassadorRole } from '../model.js';

/** The same drawings as the badge element's role icons (24 × 24, stroked). */
const GLYPHS: Record<AmbassadorRole, string> = {
  presenter:
    '<rect x="3" y="3.5" width="18" height="11" rx="1.5"/><path d="M12 14.5v4M8.5 19h7M7 11l3-3 2.5 2.5L17 6"/>',
  writer:
    '<path d="M4 20l1.2-4.6L15.6 5a2 2 0 0 1 2.8 0l.6.6a2 2 0 0 1 0 2.8L8.6 18.8z"/><path d="M13.5 7l3.5 3.5"/>',
  responder: '<path d="M4 5h16v10.5H10l-4.5 3.5v-3.5H4z"/><path d="M8.5 10.3l2.2 2.2 4.8-4.8"/>',
  connector:
    '<circle cx="6" cy="7" r="2.5"/><circle cx="18" cy="7" r="2.5"/><circle cx="12" cy="18" r="2.5"/><path d="M8.5 7h7M7.3 9.2l3.4 6.6M16.7 9.2l-3.4 6.6"/>',
  recruiter:
    '<circle cx="9" cy="8" r="3.5"/><path d="M2.5 20.5c0-3.6 2.9-6.5 6.5-6.5s6.5 2.9 6.5 6.5"/><path d="M19 8v6M16 11h6"/>',
};

const LEVEL_COLOURS: Record<AmbassadorLevel, string> = {
  starter: '#1f5f8b',
  active: '#2e6b30',
  champion: '#7a3e9d',
};

export function badgeImageSvg(role: AmbassadorRole, level: AmbassadorLevel): string {
  const pips = AMBASSADOR_LEVELS.indexOf(level) + 1;
  const dots = Array.from(
    { length: pips },
    (_, index) => `<circle cx="${64 + (index - (pips - 1) / 2) * 14}" cy="100" r="4.5" fill="#fff"/>`,
  ).join('');
  return (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 128 128" width="256" height="256">' +
    `<circle cx="64" cy="64" r="60" fill="${LEVEL_COLOURS[level]}"/>` +
    '<circle cx="64" cy="64" r="52" fill="none" stroke="#fff" stroke-opacity=".5" stroke-width="2"/>' +
    '<g transform="translate(34 26) scale(2.5)" fill="none" stroke="#fff" stroke-width="1.6" ' +
    `stroke-linecap="round" stroke-linejoin="round">${GLYPHS[role]}</g>${dots}</svg>`
  );
}

/** `data:image/svg+xml;base64,…` of `badgeImageSvg` (ASCII only, so `btoa` suffices). */
export function badgeImageDataUri(role: AmbassadorRole, level: AmbassadorLevel): string {
  return `data:image/svg+xml;base64,${btoa(badgeImageSvg(role, level))}`;
}
