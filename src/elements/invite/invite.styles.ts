import { css } from 'lit';
import { growthControlStyles } from './growth-controls.styles.js';

export const inviteStyles = [
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
      color: var(--kring-color-success, #1a7f37);
    }
    @media (prefers-color-scheme: dark) {
      .status-accepted {
        color: var(--kring-color-success, #7ee2a0);
      }
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
