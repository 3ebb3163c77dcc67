import { css } from 'lit';
import { tokens } from '../../styles/tokens.js';
import { growthControlStyles } from './growth-controls.styles.js';

export const inviteStyles = [
  tokens,
  ...growthControlStyles,
  css`
    .link-field {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    .link-field input {
      flex: 1 1 16rem;
    }
    .status-accepted {
      color: var(--_success);
    }
    .status-revoked,
    .status-expired,
    .status-declined {
      color: var(--_muted);
    }
    .delivery-failed {
      color: var(--_danger);
    }
    [part='quota'] {
      font-size: 0.9rem;
    }
  `,
];
