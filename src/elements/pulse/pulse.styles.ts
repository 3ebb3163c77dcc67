import { css } from 'lit';
import { tokens } from '../../styles/tokens.js';
import { chartStyles } from '../../charts/chart-styles.js';

export const metricsViewStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    line-height: 1.4;
    /* Its own surface, so the dark palette never sits on a light page. */
    background: var(--_surface);
    padding: var(--_space);
  }
  :host([hidden]) {
    display: none;
  }
  .title,
  .subtitle {
    margin: 0 0 0.5em;
    line-height: 1.2;
  }
  .title {
    font-size: 1.35em;
  }
  .subtitle {
    font-size: 1.1em;
  }
  [part~='problem'] {
    border: 1px solid var(--_danger);
    border-radius: var(--_radius);
    padding: var(--_space);
    margin: 0 0 var(--_space);
  }
  [part~='problem'] p {
    margin: 0 0 0.5em;
  }
  button {
    font: inherit;
    color: var(--_accent-text);
    background: var(--_accent);
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    padding: 0.35em 0.9em;
    cursor: pointer;
  }
  [part~='note'] {
    color: var(--_muted);
    font-size: 0.9em;
    margin: 0.25em 0 0.75em;
  }
  .loading {
    display: grid;
    gap: var(--_space);
  }
  .skeleton {
    height: 6rem;
    border-radius: var(--_radius);
    background: var(--_skeleton);
  }
  @media (prefers-reduced-motion: no-preference) {
    .skeleton {
      animation: pulse 1.6s ease-in-out infinite;
    }
    @keyframes pulse {
      50% {
        opacity: 0.55;
      }
    }
  }
  @media (forced-colors: active) {
    .skeleton {
      border: 1px solid CanvasText;
    }
    button {
      border-color: ButtonText;
    }
  }
`;

export const pulseStyles = [
  tokens,
  chartStyles,
  metricsViewStyles,
  css`
    [part~='headlines'] {
      list-style: none;
      margin: 0 0 var(--_space);
      padding: 0;
      display: grid;
      /* Eight figures: 2, 4 or 8 to a row, never 7 and one left over. */
      grid-template-columns: repeat(2, minmax(0, 1fr));
      gap: var(--_space);
    }
    @container (min-width: 38rem) {
      [part~='headlines'] {
        grid-template-columns: repeat(4, minmax(0, 1fr));
      }
    }
    @container (min-width: 76rem) {
      [part~='headlines'] {
        grid-template-columns: repeat(8, minmax(0, 1fr));
      }
    }
    [part~='headline'] {
      display: grid;
      gap: 0.15em;
      padding: var(--_space);
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    [part~='headline-label'] {
      color: var(--_muted);
      font-size: 0.875em;
    }
    [part~='headline-value'] {
      font-size: 1.5em;
    }
    [part~='headline-change'] {
      font-size: 0.8em;
      color: var(--_muted);
    }
    .sections {
      display: grid;
      gap: calc(var(--_space) * 1.5);
    }
    [part~='section'] {
      padding: var(--_space);
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      display: grid;
      gap: var(--_space);
      align-content: start;
    }
    .pair {
      display: grid;
      gap: var(--_space);
    }
    @container (min-width: 44rem) {
      .sections {
        grid-template-columns: 1fr 1fr;
      }
    }
  `,
];
