import { css } from 'lit';

/**
 * Older custom-property names, still read so that pages themed before the token sheet keep their
 * colours. The only place they appear: each becomes a private `--_legacy-*` value that
 * `tokens.ts` reads after the documented name and before its default, so the documented name wins.
 * docs/theming.md ("Older names") lists them. New code never reads them.
 */
export const LEGACY_ALIASES = {
  '--kring-accent-color': '--kring-color-accent',
  '--kring-surface-color': '--kring-color-surface',
  '--kring-border-color': '--kring-color-border',
  '--kring-text-color': '--kring-color-text',
  '--kring-muted-color': '--kring-color-text-muted',
  '--kring-color-muted': '--kring-color-text-muted',
  '--kring-on-accent-color': '--kring-color-on-accent',
  '--kring-chart-color': '--kring-color-chart',
  '--kring-chart-color-alt': '--kring-color-chart-alt',
  '--kring-chart-on-mark': '--kring-color-on-chart',
  '--kring-badge-starter': '--kring-color-badge-starter',
  '--kring-badge-active': '--kring-color-badge-active',
  '--kring-badge-champion': '--kring-color-badge-champion',
  '--kring-badge-icon': '--kring-color-on-badge',
} as const;

/** An unset older name leaves its `--_legacy-*` value unset, so the token's default applies. */
export const legacyAliases = css`
  :host {
    --_legacy-accent: var(--kring-accent-color);
    --_legacy-surface: var(--kring-surface-color);
    --_legacy-border: var(--kring-border-color);
    --_legacy-text: var(--kring-text-color);
    --_legacy-muted: var(--kring-muted-color, var(--kring-color-muted));
    --_legacy-on-accent: var(--kring-on-accent-color);
    --_legacy-chart: var(--kring-chart-color);
    --_legacy-chart-alt: var(--kring-chart-color-alt);
    --_legacy-on-chart: var(--kring-chart-on-mark);
    --_legacy-badge-starter: var(--kring-badge-starter);
    --_legacy-badge-active: var(--kring-badge-active);
    --_legacy-badge-champion: var(--kring-badge-champion);
    --_legacy-on-badge: var(--kring-badge-icon);
  }
`;
