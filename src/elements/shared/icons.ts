import { css } from 'lit';

/**
 * Small line icons (20 × 20, drawn in the text colour, in the manner of Fluent's system icons) as
 * markup written in lit templates: no markup strings, nothing for a CSP or Trusted Types to object to.
 * Always decorative: the control that shows one carries the accessible name. The profile card's contact
 * actions write theirs into their templates (`profile-card.ts`, in the script-tag core); the kudos
 * reactions' icons load with the feed (`reaction-icons.ts`). Each `<svg>` is
 * `<svg class="icon" viewBox="0 0 20 20" aria-hidden="true">`; the stroke, fill and size are here, not
 * presentation attributes, so each copy carries three attributes.
 */
/** How icons are drawn: 20 × 20 unless the host sizes `.icon`, lines in the text colour. */
export const iconStyles = css`
  :where(svg.icon) {
    inline-size: 20px;
    block-size: 20px;
  }
  svg.icon {
    fill: none;
    stroke: currentColor;
    stroke-width: 1.5;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
`;
