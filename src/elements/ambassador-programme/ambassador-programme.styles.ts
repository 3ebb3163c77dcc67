import { css } from 'lit';
import { tokens } from '../../styles/tokens.js';
import { growthControlStyles } from '../invite/growth-controls.styles.js';

export const ambassadorProgrammeStyles = [
  tokens,
  ...growthControlStyles,
  css`
    .roles {
      display: grid;
      gap: 0.5rem;
    }
    .roles label.choice {
      align-items: flex-start;
    }
    .roles .muted {
      display: block;
    }
    [part~='role'] {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: var(--_space);
      display: grid;
      gap: 0.5rem;
    }
    [part~='role'] header {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 0.5rem;
      flex-wrap: wrap;
    }
    .criterion {
      display: grid;
      gap: 0.2rem;
    }
    .role-list {
      display: grid;
      gap: 0.75rem;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    [part~='manage'] {
      border-top: 1px solid var(--_border);
      margin-top: 1rem;
      padding-top: 0.5rem;
    }
    .inline-fields {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
      align-items: end;
    }
  `,
];
