import { css } from 'lit';
import { tokens } from '../../styles/tokens.js';
import { metricsViewStyles } from '../pulse/pulse.styles.js';

export const pioneersStyles = [
  tokens,
  metricsViewStyles,
  css`
    [part~='list'] {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0;
    }
    [part~='pioneer'] {
      display: grid;
      grid-template-columns: 2rem 1fr;
      gap: var(--_space);
      padding: var(--_space) 0;
      border-top: 1px solid var(--_border);
    }
    [part~='rank'] {
      width: 2rem;
      height: 2rem;
      border-radius: 50%;
      display: grid;
      place-items: center;
      font-weight: 600;
      background: var(--_accent);
      color: var(--_accent-text);
    }
    [part~='pioneer'] p {
      margin: 0;
    }
    [part~='name'] {
      font-weight: 600;
    }
    [part~='meta'],
    [part~='reasons'] {
      color: var(--_muted);
      font-size: 0.9em;
    }
    @media (forced-colors: active) {
      [part~='rank'] {
        border: 1px solid CanvasText;
      }
    }
  `,
];
