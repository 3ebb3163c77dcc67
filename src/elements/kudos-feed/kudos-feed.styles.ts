import { css } from 'lit';
import { tokens } from '../../styles/tokens.js';

export const kudosFeedStyles = [
  tokens,
  css`
    :host {
      display: block;
      --_gap: var(--kring-kudos-gap, 0.75rem);
    }
    :host([hidden]) {
      display: none;
    }
    .composer {
      display: block;
      margin-block-end: var(--_gap);
    }
    [role='feed'] {
      display: block;
    }
    .item {
      box-sizing: border-box;
      inline-size: 100%;
      padding-block-end: var(--_gap);
    }
    .item:focus-visible {
      outline: none;
    }
    .item:focus-visible .card {
      outline: 2px solid var(--_focus);
      outline-offset: 2px;
    }
    .card {
      display: grid;
      gap: 0.5rem;
      padding: 0.75rem 1rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
    }
    .card.pending {
      border-style: dashed;
    }
    .card.failed {
      border-color: var(--_danger);
    }
    .people {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 0.5rem;
      margin: 0;
      font-size: 1em;
      font-weight: 400;
    }
    .person {
      display: inline-flex;
      align-items: center;
      gap: 0.375rem;
      min-inline-size: 0;
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    .arrow {
      color: var(--_muted);
    }
    .arrow:dir(rtl) {
      transform: scaleX(-1);
    }
    .meta {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
      color: var(--_muted);
      font-size: 0.875em;
    }
    .value {
      display: inline-block;
      padding: 0.0625rem 0.5rem;
      border-radius: 999px;
      background: color-mix(in srgb, var(--_accent) 14%, var(--_surface));
      color: inherit;
      overflow-wrap: anywhere;
    }
    .when {
      position: relative;
    }
    time {
      border-radius: 0.25rem;
    }
    time:focus-visible {
      outline: 2px solid var(--_focus);
      outline-offset: 2px;
    }
    /* Below the time, so it never covers the "giver → receiver" heading; hoverable (1.4.13). */
    .exact {
      position: absolute;
      inset-block-start: calc(100% + 0.25rem);
      inset-inline-start: 0;
      z-index: 1;
      inline-size: max-content;
      max-inline-size: min(16rem, calc(100vw - 2rem));
      padding: 0.25rem 0.5rem;
      border-radius: 0.25rem;
      background: var(--_text);
      color: var(--_surface);
      box-shadow: var(--_shadow-popup);
    }
    .exact[hidden] {
      display: none;
    }
    /* Bridges the gap between the time and the bubble, so the pointer can move onto it. */
    .exact::before {
      content: '';
      position: absolute;
      inset-inline: 0;
      inset-block-end: 100%;
      block-size: 0.3rem;
    }
    .message {
      margin: 0;
      overflow-wrap: anywhere;
      word-break: normal;
      unicode-bidi: plaintext;
    }
    /* Only the message keeps its line breaks, not the template's indentation around it. */
    .message-text {
      white-space: pre-wrap;
    }
    .message a {
      color: var(--_accent);
    }
    .mention {
      font-weight: 600;
      color: var(--_accent);
    }
    .reactions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.375rem;
      align-items: center;
    }
    button {
      font: inherit;
      color: inherit;
      cursor: pointer;
    }
    .reaction {
      display: inline-flex;
      gap: 0.25rem;
      align-items: center;
      padding: 0.125rem 0.5rem;
      border: 1px solid var(--_border);
      border-radius: 999px;
      background: transparent;
      font-size: 0.875em;
    }
    .reaction[aria-pressed='true'] {
      border-color: var(--_accent);
      background: color-mix(in srgb, var(--_accent) 14%, var(--_surface));
      font-weight: 600;
    }
    .link-button {
      border: 0;
      background: transparent;
      padding: 0.125rem 0.25rem;
      text-decoration: underline;
      font-size: 0.875em;
    }
    .action {
      padding: 0.25rem 0.75rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
    }
    .action.primary {
      border-color: var(--_accent);
      background: var(--_accent);
      color: var(--_accent-text);
    }
    button:focus-visible {
      outline: 2px solid var(--_focus);
      outline-offset: 2px;
    }
    .reactors {
      margin: 0;
      padding: 0;
      list-style: none;
      font-size: 0.875em;
      overflow-wrap: anywhere;
    }
    .status-line {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
      font-size: 0.875em;
    }
    .failed .status-line {
      color: var(--_danger);
    }
    .notice {
      padding: 1rem;
      border: 1px dashed var(--_border);
      border-radius: var(--_radius);
      text-align: center;
    }
    .notice.error {
      border-style: solid;
      border-color: var(--_danger);
    }
    .problem {
      padding: 0.5rem 0.75rem;
      border: 1px solid var(--_danger);
      border-radius: var(--_radius);
    }
    .more {
      display: flex;
      justify-content: center;
      gap: 0.5rem;
      align-items: center;
      padding-block: 0.5rem;
    }
    .skeleton {
      display: grid;
      gap: 0.5rem;
      padding: 0.75rem 1rem;
      margin-block-end: var(--_gap);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    .bone {
      block-size: 0.875rem;
      border-radius: 0.25rem;
      background: color-mix(in srgb, currentColor 12%, transparent);
      animation: kring-pulse 1.4s ease-in-out infinite;
    }
    .bone.short {
      inline-size: 40%;
    }
    .bone.long {
      inline-size: 85%;
    }
    @keyframes kring-pulse {
      50% {
        opacity: 0.45;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .bone {
        animation: none;
      }
    }
    @media (forced-colors: active) {
      /* Pressed is filled, focus is an outline in the text colour: the two never look alike (2.4.7). */
      .reaction[aria-pressed='true'] {
        forced-color-adjust: none;
        border: 2px solid Highlight;
        background: Highlight;
        color: HighlightText;
      }
      button:focus-visible {
        outline: 3px solid CanvasText;
        outline-offset: 3px;
      }
      .bone {
        background: GrayText;
      }
      .exact {
        border: 1px solid CanvasText;
      }
    }
  `,
];
