import { css } from 'lit';
import { tokens } from '../../styles/tokens.js';
import { avatarStyles } from '../shared/small-avatar.js';

export const expertiseFinderStyles = [
  tokens,
  ...avatarStyles,
  css`
    :host {
      display: block;
      line-height: 1.4;
    }
    :host([hidden]) {
      display: none;
    }
    [part~='base'] {
      display: grid;
      gap: calc(var(--_space) * 0.66);
      /* Its own surface: the text colour follows the colour scheme, the page behind may not. */
      background: var(--_surface);
      border-radius: var(--_radius);
      padding: var(--kring-finder-padding, 0);
    }
    [part~='label'] {
      font-weight: 600;
    }
    [part~='input'] {
      font: inherit;
      color: var(--_text);
      background: var(--_surface);
      border: 1px solid var(--_muted);
      border-radius: var(--_radius);
      padding: 0.55em 0.75em;
      min-height: 2.75rem;
      box-sizing: border-box;
      width: 100%;
    }
    [part~='input']::placeholder {
      color: var(--_muted);
      opacity: 1;
    }
    [part~='status'] {
      margin: 0;
      color: var(--_muted);
      font-size: 0.9em;
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    [part~='results'] {
      display: grid;
      gap: 2px;
      max-height: var(--kring-finder-max-height, 28rem);
      overflow-y: auto;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      padding: 2px;
    }
    [part~='results'][hidden] {
      display: none;
    }
    [part~='results'][aria-busy='true'] {
      opacity: 0.7;
    }
    [part~='option'] {
      display: grid;
      grid-template-columns: auto 1fr;
      gap: var(--_space);
      align-items: center;
      padding: calc(var(--_space) * 0.6) var(--_space);
      border-radius: calc(var(--_radius) - 2px);
      color: inherit;
      text-decoration: none;
      cursor: pointer;
      border: 2px solid transparent;
    }
    [part~='option']:hover {
      background: color-mix(in srgb, var(--_accent) 8%, transparent);
    }
    [part~='option-active'] {
      border-color: var(--_focus);
      background: color-mix(in srgb, var(--_accent) 12%, transparent);
    }
    [part~='avatar'] {
      width: var(--kring-avatar-size, 2.25rem);
      height: var(--kring-avatar-size, 2.25rem);
      border-radius: 50%;
      display: grid;
      place-items: center;
      overflow: hidden;
      color: #ffffff;
      font-weight: 600;
      font-size: calc(var(--kring-avatar-size, 2.25rem) * 0.4);
    }
    .text {
      display: grid;
      min-width: 0;
    }
    [part~='name'] {
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    [part~='meta'],
    [part~='why'] {
      color: var(--_muted);
      font-size: 0.9em;
      overflow-wrap: anywhere;
    }
    [part~='why'] {
      color: var(--_text);
    }
    .chips {
      display: flex;
      flex-wrap: wrap;
      gap: 0.4rem;
    }
    button {
      font: inherit;
      cursor: pointer;
      min-height: 2rem;
      border-radius: 999px;
      padding: 0.2em 0.8em;
      border: 1px solid var(--_border);
      background: var(--_surface);
      color: var(--_text);
    }
    [part~='chip'] {
      border-color: var(--_accent);
      color: var(--_accent);
      display: inline-flex;
      gap: 0.4em;
      align-items: center;
    }
    [part~='invite'],
    [part~='retry'] {
      background: var(--_accent);
      color: var(--_accent-text);
      border-color: var(--_accent);
      border-radius: var(--_radius);
      justify-self: start;
    }
    .group-title {
      margin: 0.25rem 0;
      font-weight: 600;
      font-size: 0.9em;
    }
    .empty,
    .problem,
    .facets {
      display: grid;
      gap: 0.5rem;
      padding: var(--_space);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    .empty p,
    .problem p {
      margin: 0;
    }
    .empty-title {
      font-weight: 600;
    }
    .problem,
    [part~='error'] {
      color: var(--_danger);
    }
    @media (forced-colors: active) {
      [part~='option-active'] {
        border-color: Highlight;
        forced-color-adjust: none;
        background: Highlight;
        color: HighlightText;
      }
      [part~='option-active'] [part~='meta'],
      [part~='option-active'] [part~='why'] {
        color: HighlightText;
      }
      [part~='avatar'] {
        border: 1px solid CanvasText;
      }
    }
  `,
];
