import { css } from 'lit';
import { legacyAliases } from './legacy.js';

/** `.visually-hidden`: text for screen readers only (live regions, labels), not shown. */
export const visuallyHidden = css`
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;

/**
 * The one token sheet every element's styles start with. Each value reads a public custom property
 * first (colours `--kring-color-*`, then sizes such as `--kring-radius`), then an older name where one
 * existed (`legacy.ts`), then the default: Fluent 2's published values (the web light and dark
 * themes, the brand ramp's 80 step as the accent), so Kring looks at home next to Microsoft 365 and
 * plain elsewhere. docs/theming.md lists every token. Elements read only the private `--_*` names;
 * a token no element reads is not set here (docs/theming.md lists those as reserved).
 *
 * The sheet also sets, for every element (its notes are here, not in the CSS, so pages do not download them):
 * - `:host { overflow-wrap: anywhere }`: long words (Dutch compounds, addresses, URLs) wrap instead of
 *   widening the page at 320 px (1.4.10);
 * - `.icon`: line icons (elements/shared/icons.ts) follow the text size and colour.
 */
export const tokens = css`
  ${legacyAliases}
  :host {
    overflow-wrap: anywhere;
    --_surface: var(--kring-color-surface, var(--_legacy-surface, #ffffff));
    --_text: var(--kring-color-text, var(--_legacy-text, #242424));
    --_muted: var(--kring-color-text-muted, var(--_legacy-muted, #616161));
    --_border: var(--kring-color-border, var(--_legacy-border, #d1d1d1));
    --_field-border: var(--kring-color-field-border, #616161);
    --_accent: var(--kring-color-accent, var(--_legacy-accent, #0f6cbd));
    --_accent-subtle: var(
      --kring-color-accent-subtle,
      color-mix(in srgb, var(--_accent) 10%, var(--_surface))
    );
    --_accent-text: var(--kring-color-on-accent, var(--_legacy-on-accent, #ffffff));
    --_focus: var(--kring-color-focus, var(--_accent));
    --_skeleton: var(--kring-color-skeleton, #e6e6e6);
    --_danger: var(--kring-color-danger, #b10e1c);
    --_danger-surface: var(--kring-color-danger-surface, #fdf3f4);
    --_danger-text: var(--kring-color-danger-text, #751d1f);
    --_success: var(--kring-color-success, #0e700e);
    --_chart: var(--kring-color-chart, var(--_legacy-chart, var(--_accent)));
    --_chart-alt: var(--kring-color-chart-alt, var(--_legacy-chart-alt, var(--_muted)));
    --_on-chart: var(--kring-color-on-chart, var(--_legacy-on-chart, var(--_accent-text)));
    --_radius: var(--kring-radius, 8px);
    --_radius-small: var(--kring-radius-small, 4px);
    --_space: var(--kring-space, 0.75rem);
    --_shadow-popup: var(--kring-shadow-popup, 0 0 2px rgb(0 0 0 / 12%), 0 8px 16px rgb(0 0 0 / 14%));
    --_font-small: var(--kring-font-size-small, 0.857em);
    font-family: var(
      --kring-font-family,
      'Segoe UI',
      'Segoe UI Web (West European)',
      -apple-system,
      BlinkMacSystemFont,
      Roboto,
      'Helvetica Neue',
      sans-serif
    );
    font-size: var(--kring-font-size, 0.875rem);
    line-height: var(--kring-line-height, 1.43);
    color: var(--_text);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_surface: var(--kring-color-surface, var(--_legacy-surface, #292929));
      --_text: var(--kring-color-text, var(--_legacy-text, #ffffff));
      --_muted: var(--kring-color-text-muted, var(--_legacy-muted, #adadad));
      --_border: var(--kring-color-border, var(--_legacy-border, #666666));
      --_field-border: var(--kring-color-field-border, #adadad);
      --_accent: var(--kring-color-accent, var(--_legacy-accent, #479ef5));
      --_accent-text: var(--kring-color-on-accent, var(--_legacy-on-accent, #000000));
      --_skeleton: var(--kring-color-skeleton, #3d3d3d);
      --_danger: var(--kring-color-danger, #e37d80);
      --_danger-surface: var(--kring-color-danger-surface, #3b0509);
      --_danger-text: var(--kring-color-danger-text, #f1bbbc);
      --_success: var(--kring-color-success, #54b054);
      --_shadow-popup: var(--kring-shadow-popup, 0 0 2px rgb(0 0 0 / 24%), 0 8px 16px rgb(0 0 0 / 28%));
    }
  }
  .icon {
    inline-size: 1.25em;
    block-size: 1.25em;
    flex: none;
    vertical-align: -0.25em;
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
  ${visuallyHidden}
`;
