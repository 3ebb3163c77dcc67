import { css } from 'lit';
import { tokens } from '../../styles/tokens.js';

export const communityStyles = [
  tokens,
  css`
    :host {
      display: contents;
    }
    [part='message'] {
      display: block;
      margin: 0.5em 0;
      padding: 0.5em 0.75em;
      border-inline-start: 4px solid var(--_danger);
      border-radius: var(--_radius-small);
      background: var(--_danger-surface);
      color: var(--_danger-text);
    }
    @media (forced-colors: active) {
      [part='message'] {
        border: 1px solid CanvasText;
      }
    }
  `,
];
