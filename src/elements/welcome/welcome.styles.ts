import { css } from 'lit';
import { tokens } from '../../styles/tokens.js';
import { growthControlStyles } from '../invite/growth-controls.styles.js';

export const welcomeStyles = [
  tokens,
  ...growthControlStyles,
  css`
    figure.quote {
      margin: 0;
    }
    blockquote {
      margin: 0.5rem 0;
      padding: 0.5rem 0.75rem;
      border-inline-start: 3px solid var(--_accent);
      background: color-mix(in srgb, var(--_accent) 6%, var(--_surface));
      white-space: pre-line;
    }
    [part='outcome'] {
      font-weight: 600;
    }
  `,
];
