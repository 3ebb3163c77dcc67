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
      /* Two columns whose cards match in height: participation and management beside growth,
         invitations and topics beside the department matrix (the tallest cards). */
      .sections {
        grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
        grid-template-areas:
          'participation growth'
          'management growth'
          'invites kudos'
          'topics kudos';
      }
      .section-participation {
        grid-area: participation;
      }
      .section-growth {
        grid-area: growth;
      }
      .section-management {
        grid-area: management;
      }
      .section-invites {
        grid-area: invites;
      }
      .section-kudos {
        grid-area: kudos;
      }
      .section-topics {
        grid-area: topics;
      }
    }
    /* Figures a backend did not measure: a quiet sentence, not a zero in large type. */
    .not-measured-note {
      margin: 0 0 var(--_space);
      padding: 0.5em 0.75em;
      border-inline-start: 3px solid var(--_accent);
      background: var(--_accent-subtle);
      border-radius: var(--_radius);
      font-size: 0.875em;
    }
    [part~='headline-not-measured'],
    .not-measured-title {
      color: var(--_muted);
      font-size: 0.875em;
      font-weight: 600;
    }
    .not-measured {
      padding: var(--_space);
      border: 1px dashed var(--_border);
      border-radius: var(--_radius);
    }
    .not-measured p {
      margin: 0;
    }
    .not-measured [part~='note'] {
      margin-top: 0.25em;
    }
    /* The people behind the pyramid, four to a row where there is room. */
    .figures {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      grid-template-columns: repeat(2, minmax(0, 1fr));
      gap: calc(var(--_space) / 2);
    }
    @container (min-width: 30rem) {
      .figures {
        grid-template-columns: repeat(4, minmax(0, 1fr));
      }
    }
    [part~='figure'] {
      display: grid;
      gap: 0.1em;
      padding: 0.5em 0.75em;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    [part~='figure-label'],
    [part~='figure-change'] {
      color: var(--_muted);
      font-size: 0.8em;
    }
    [part~='figure-value'] {
      font-size: 1.25em;
    }
    .management-figure {
      display: grid;
      gap: 0.15em;
      margin: 0;
    }
    .management-figure strong {
      font-size: 2.25em;
      line-height: 1.1;
    }
    .month-bars {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.35em;
    }
    .month-bars li {
      display: grid;
      grid-template-columns: minmax(5.5em, auto) 1fr 3em;
      align-items: center;
      gap: 0.5em;
      font-size: 0.875em;
    }
    .month-bar {
      inline-size: 100%;
      block-size: 0.6em;
    }
    .month-bar-track {
      fill: var(--_skeleton);
    }
    .month-bar-fill {
      fill: var(--_chart);
    }
    .month-bar-value {
      text-align: end;
      font-variant-numeric: tabular-nums;
    }
    @media (forced-colors: active) {
      .month-bar-fill {
        fill: CanvasText;
      }
      .month-bar-track {
        fill: Canvas;
        stroke: CanvasText;
      }
    }
  `,
];
