import { css } from 'lit';
import { tokens } from '../../styles/tokens.js';
import { avatarColorStyles } from '../shared/avatar.js';

export const profileCardStyles = [
  tokens,
  avatarColorStyles,
  css`
    :host {
      display: block;
    }
    :host([hidden]) {
      display: none;
    }
    [part~='card'] {
      display: grid;
      grid-template-columns: auto 1fr;
      gap: var(--_space);
      align-items: start;
      padding: var(--_space);
      min-height: 4.5rem;
      box-sizing: border-box;
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      line-height: 1.35;
    }
    :host([view='full']) [part~='card'] {
      min-height: 9rem;
    }
    [part~='avatar'] {
      width: var(--kring-avatar-size, 3rem);
      height: var(--kring-avatar-size, 3rem);
      border-radius: 50%;
      display: grid;
      place-items: center;
      overflow: hidden;
      font-weight: 600;
      font-size: calc(var(--kring-avatar-size, 3rem) * 0.38);
      color: #ffffff;
      flex: none;
    }
    [part~='avatar'] img {
      width: 100%;
      height: 100%;
      object-fit: cover;
    }
    [part~='body'] {
      min-width: 0;
    }
    [part~='name'] {
      margin: 0;
      font-weight: 600;
      font-size: 1.05em;
      overflow-wrap: anywhere;
    }
    [part~='name'] a {
      color: inherit;
      text-decoration: none;
    }
    [part~='name'] a:hover {
      text-decoration: underline;
    }
    [part~='title'],
    [part~='meta'],
    [part~='kudos'] {
      margin: 0.1em 0 0;
      color: var(--_muted);
      font-size: 0.9em;
      overflow-wrap: anywhere;
    }
    [part~='about'] {
      margin: 0.5em 0 0;
      white-space: pre-line;
      overflow-wrap: anywhere;
    }
    [part~='skills'] {
      display: flex;
      flex-wrap: wrap;
      gap: 0.35em;
      margin: 0.5em 0 0;
      padding: 0;
      list-style: none;
    }
    [part~='skill'] {
      border: 1px solid var(--_border);
      border-radius: 999px;
      padding: 0.1em 0.6em;
      font-size: 0.85em;
    }
    [part~='links'] {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75em;
      margin-top: 0.5em;
      font-size: 0.9em;
    }
    [part~='links'] a {
      color: var(--_accent);
    }
    [part~='badges'] {
      display: block;
      margin-top: 0.5em;
    }
    .skeleton {
      background: var(--_skeleton);
      border-radius: 4px;
      height: 0.9em;
      margin: 0.2em 0 0.45em;
    }
    .line-1 {
      width: 60%;
    }
    .line-2 {
      width: 45%;
    }
    .line-3 {
      width: 70%;
    }
    [part~='avatar'].skeleton {
      border-radius: 50%;
      height: var(--kring-avatar-size, 3rem);
      margin: 0;
    }
    @media (prefers-reduced-motion: no-preference) {
      .skeleton {
        animation: pulse 1.4s ease-in-out infinite;
      }
    }
    @keyframes pulse {
      50% {
        opacity: 0.55;
      }
    }
    [part~='problem'] {
      grid-column: 1 / -1;
      margin: 0;
    }
    [part~='retry'] {
      margin-top: 0.5em;
      font: inherit;
      padding: 0.3em 0.9em;
      border-radius: var(--_radius);
      border: 1px solid var(--_accent);
      background: transparent;
      color: var(--_accent);
      cursor: pointer;
    }
    @media (forced-colors: active) {
      [part~='card'],
      [part~='skill'] {
        border-color: CanvasText;
      }
      [part~='avatar'] {
        forced-color-adjust: none;
        border: 1px solid CanvasText;
      }
    }
  `,
];
