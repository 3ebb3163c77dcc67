/**
 * A dark page as an intranet with its own dark theme makes one (`docs/theming.md`, "Dark mode"): the
 * `--kring-color-*` properties set to the dark defaults. Storybook cannot switch the viewer's
 * `prefers-color-scheme`, so the Dark stories show the elements this way.
 */
export const DARK_PAGE_STYLE = [
  'color-scheme: dark',
  'background: #121317',
  'color: #ececf1',
  'padding: 1rem',
  '--kring-color-surface: #1e1f24',
  '--kring-color-text: #ececf1',
  '--kring-color-text-muted: #b4b4c0',
  '--kring-color-border: #3c3d46',
  '--kring-color-accent: #8ab4ff',
  '--kring-color-on-accent: #0b1b3a',
  '--kring-color-focus: #8ab4ff',
  '--kring-color-skeleton: #2c2d34',
  '--kring-color-danger: #ffb4ab',
  '--kring-color-danger-surface: #3b1512',
  '--kring-color-danger-text: #ffdad6',
  '--kring-color-success: #7ee2a0',
].join('; ');
