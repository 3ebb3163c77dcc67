import { css } from 'lit';
import { tokens } from '../../styles/tokens.js';

export const skillListStyles = [
  tokens,
  css`
    :host {
      display: block;
      container-type: inline-size;
      line-height: 1.4;
      /* Its own surface: the text colour follows the colour scheme, the page behind may not. */
      background: var(--_surface);
    }
    :host([hidden]) {
      display: none;
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .compact {
      display: flex;
      flex-wrap: wrap;
      gap: 0.35rem;
    }
    .compact [part~='skill'],
    [part~='more'] {
      display: inline-flex;
      gap: 0.35em;
      align-items: baseline;
      padding: 0.1em 0.6em;
      border: 1px solid var(--_border);
      border-radius: 999px;
      background: var(--_surface);
      font-size: 0.9em;
    }
    [part~='more'] {
      color: var(--_muted);
    }
    .full {
      display: grid;
      gap: 0.35rem;
    }
    .full [part~='skill'] {
      display: grid;
      grid-template-columns: 1fr auto auto;
      gap: var(--_space);
      align-items: center;
      padding: 0.35rem 0;
      border-bottom: 1px solid var(--_border);
    }
    /* In a narrow sidebar the count moves under the name, so skill names are not broken mid-word. */
    @container (max-width: 22rem) {
      .full [part~='skill'] {
        grid-template-columns: 1fr auto;
        row-gap: 0.1rem;
      }
      .full [part~='count'] {
        grid-column: 1;
        grid-row: 2;
      }
      .full [part~='endorse'] {
        grid-column: 2;
        grid-row: 1 / span 2;
      }
    }
    .what {
      display: flex;
      flex-wrap: wrap;
      gap: 0.2em 0.5em;
      align-items: baseline;
      min-width: 0;
    }
    [part~='skill-name'] {
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    [part~='level'],
    [part~='tags'],
    [part~='count'] {
      color: var(--_muted);
      font-size: 0.9em;
    }
    [part~='endorse'] {
      font: inherit;
      font-size: 0.9em;
      min-height: 2rem;
      min-width: 2rem;
      padding: 0.2em 0.75em;
      border-radius: 999px;
      border: 1px solid var(--_accent);
      background: var(--_surface);
      color: var(--_accent);
      cursor: pointer;
    }
    [part~='endorse'][aria-pressed='true'] {
      background: var(--_accent);
      color: var(--_accent-text);
    }
    [part~='endorse'][aria-disabled='true'] {
      cursor: progress;
      opacity: 0.75;
    }
    [part~='message'] {
      margin: 0.35rem 0 0;
      font-size: 0.9em;
      min-height: 1em;
    }
    [part~='message']:empty {
      margin: 0;
      min-height: 0;
    }
    .failed {
      color: var(--_danger);
    }
    [part~='empty'] {
      margin: 0;
      color: var(--_muted);
    }
    @media (forced-colors: active) {
      [part~='endorse'][aria-pressed='true'] {
        forced-color-adjust: none;
        background: Highlight;
        color: HighlightText;
        border-color: Highlight;
      }
    }
  `,
];
