/** One inline SVG icon per ambassador role (no external fetch), and the badge emblem built from it. */
import { svg, type SVGTemplateResult } from 'lit';
import { AMBASSADOR_LEVELS, type AmbassadorLevel, type AmbassadorRole } from '../../model.js';

const glyphs: Record<AmbassadorRole, SVGTemplateResult> = {
  // A screen on a stand with a rising line: presenting.
  presenter: svg`<rect x="3" y="3.5" width="18" height="11" rx="1.5"></rect>
    <path d="M12 14.5v4M8.5 19h7M7 11l3-3 2.5 2.5L17 6"></path>`,
  // A pen nib writing a line: writing.
  writer: svg`<path d="M4 20l1.2-4.6L15.6 5a2 2 0 0 1 2.8 0l.6.6a2 2 0 0 1 0 2.8L8.6 18.8z"></path>
    <path d="M13.5 7l3.5 3.5"></path>`,
  // A speech bubble with a heart-ish tick: reacting.
  responder: svg`<path d="M4 5h16v10.5H10l-4.5 3.5v-3.5H4z"></path><path d="M8.5 10.3l2.2 2.2 4.8-4.8"></path>`,
  // Three linked nodes: connecting departments.
  connector: svg`<circle cx="6" cy="7" r="2.5"></circle><circle cx="18" cy="7" r="2.5"></circle>
    <circle cx="12" cy="18" r="2.5"></circle><path d="M8.5 7h7M7.3 9.2l3.4 6.6M16.7 9.2l-3.4 6.6"></path>`,
  // A person with a plus: bringing people in.
  recruiter: svg`<circle cx="9" cy="8" r="3.5"></circle><path d="M2.5 20.5c0-3.6 2.9-6.5 6.5-6.5s6.5 2.9 6.5 6.5"></path>
    <path d="M19 8v6M16 11h6"></path>`,
};

/** The role's icon, stroked in `currentColor`, decorative (the badge carries the name). */
export function roleIcon(role: AmbassadorRole) {
  return svg`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none"
    stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"
    data-role=${role}>${glyphs[role]}</svg>`;
}

/** Points of a polygon around (24, 24): `count` corners alternating between two radii when `inner` is set. */
function polygon(count: number, outer: number, inner = outer, rotation = -90): string {
  const corners = inner === outer ? count : count * 2;
  return Array.from({ length: corners }, (_, index) => {
    const radius = inner !== outer && index % 2 ? inner : outer;
    const angle = ((rotation + (360 / corners) * index) * Math.PI) / 180;
    return `${(24 + radius * Math.cos(angle)).toFixed(2)},${(24 + radius * Math.sin(angle)).toFixed(2)}`;
  }).join(' ');
}

/** The outline that says the level before any colour does: a disc, a hexagon, a rosette. */
const LEVEL_SHAPES: Record<AmbassadorLevel, SVGTemplateResult> = {
  starter: svg`<circle class="emblem-rim" cx="24" cy="24" r="22"></circle>`,
  active: svg`<polygon class="emblem-rim" points=${polygon(6, 23.5)} stroke-linejoin="round"></polygon>`,
  champion: svg`<polygon class="emblem-rim" points=${polygon(12, 23.5, 19.5)} stroke-linejoin="round"></polygon>`,
};

/**
 * A badge as an emblem: the level's shape and metal (bronze disc, silver hexagon, gold rosette) around
 * a disc in the role's colour with the role's icon and the level's pips. Decorative: the badge
 * button carries the name ("Writer, champion level").
 */
export function badgeEmblem(role: AmbassadorRole, level: AmbassadorLevel) {
  const count = AMBASSADOR_LEVELS.indexOf(level) + 1;
  return svg`<svg class="emblem" viewBox="0 0 48 48" aria-hidden="true" focusable="false"
    data-role=${role} data-level=${level}>
    ${LEVEL_SHAPES[level]}
    <circle class="emblem-disc role-${role}" cx="24" cy="24" r="16.5"></circle>
    <svg class="icon" x="13.5" y="11" width="21" height="21" viewBox="0 0 24 24" fill="none" stroke="currentColor"
      stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${glyphs[role]}</svg>
    ${Array.from(
      { length: count },
      (_, index) =>
        svg`<circle class="emblem-pip" cx=${24 + (index - (count - 1) / 2) * 4.5} cy="35.5" r="1.6"></circle>`,
    )}
  </svg>`;
}
