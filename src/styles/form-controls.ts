import { css } from 'lit';

/**
 * Designed form controls, native underneath (keyboard, forms, screen readers unchanged): radios and
 * checkboxes in the accent colour at a 18 px target, selects with a drawn chevron (gradients, no image
 * URL a CSP could block) and a field outline of 3:1. Only the elements with such controls include it,
 * right after `tokens` (whose custom properties it reads), so a page of cards does not carry it.
 */
export const formControls = css`
  input[type='radio'],
  input[type='checkbox'] {
    accent-color: var(--_accent);
    inline-size: 1.125rem;
    block-size: 1.125rem;
    margin: 0;
    flex: none;
  }
  select {
    appearance: none;
    min-block-size: 2rem;
    padding-block: 0.3rem;
    padding-inline: 0.6rem 2rem;
    border: 1px solid var(--_field-border);
    border-radius: var(--_radius-small);
    background-color: var(--_surface);
    background-image:
      linear-gradient(45deg, transparent 50%, currentColor 50%),
      linear-gradient(135deg, currentColor 50%, transparent 50%);
    background-position:
      right 1.05rem center,
      right 0.7rem center;
    background-size: 0.35rem 0.35rem;
    background-repeat: no-repeat;
    color: var(--_text);
    font: inherit;
    cursor: pointer;
  }
  select:dir(rtl) {
    background-position:
      left 0.7rem center,
      left 1.05rem center;
  }
  select:hover {
    border-color: var(--_text);
  }
`;
