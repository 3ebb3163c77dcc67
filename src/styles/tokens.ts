import { css } from 'lit';

/**
 * Shared design tokens. Every value reads a public `--kring-*` property first, so an intranet
 * can theme all elements at once; the fallbacks follow the host font and the colour scheme.
 */
export const tokens = css`
  :host {
    /* Long words (Dutch compounds, addresses, URLs) wrap instead of widening the page at 320 px (1.4.10). */
    overflow-wrap: anywhere;
    --_surface: var(--kring-color-surface, #ffffff);
    --_text: var(--kring-color-text, #1b1b1f);
    --_muted: var(--kring-color-text-muted, #53535f);
    --_border: var(--kring-color-border, #d4d4dc);
    --_accent: var(--kring-color-accent, #0a58ca);
    --_accent-text: var(--kring-color-on-accent, #ffffff);
    --_skeleton: var(--kring-color-skeleton, #e6e6ec);
    --_danger: var(--kring-color-danger, #b3261e);
    --_radius: var(--kring-radius, 8px);
    --_space: var(--kring-space, 0.75rem);
    --_focus: var(--kring-color-focus, #0a58ca);
    font-family: var(--kring-font-family, inherit);
    color: var(--_text);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_surface: var(--kring-color-surface, #1e1f24);
      --_text: var(--kring-color-text, #ececf1);
      --_muted: var(--kring-color-text-muted, #b4b4c0);
      --_border: var(--kring-color-border, #3c3d46);
      --_accent: var(--kring-color-accent, #8ab4ff);
      --_accent-text: var(--kring-color-on-accent, #0b1b3a);
      --_skeleton: var(--kring-color-skeleton, #2c2d34);
      --_danger: var(--kring-color-danger, #ffb4ab);
      --_focus: var(--kring-color-focus, #8ab4ff);
    }
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  @media (forced-colors: active) {
    :focus-visible {
      outline-color: Highlight;
    }
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
