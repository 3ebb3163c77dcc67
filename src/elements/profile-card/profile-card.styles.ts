import { css } from 'lit';
import { tokens } from '../../styles/tokens.js';
import { avatarColorStyles } from '../shared/avatar.js';

/**
 * The card's styles. Notes on them are here, not in the CSS, so pages do not download them:
 * - the avatar is 48 px in a compact card and 72 px in the full card: photos people recognise (as in
 *   Microsoft 365);
 * - a list of compact cards has `content-visibility: auto`: the browser styles, lays out and paints only the
 *   ones near the screen (not the full view, whose badge popover must not be clipped);
 * - contact actions are round icon buttons of 32 px (a comfortable target, 2.5.8);
 * - the loading card is an avatar circle and three lines, drawn as backgrounds of one element, with room for
 *   the whole avatar circle as a loaded card has; only a load that takes a while pulses (the card adds
 *   `.pulse` after 0.4 s), a quick one never starts an animation.
 */
export const profileCardStyles = [
  tokens,
  avatarColorStyles,
  css`
    :host {
      display: block;
      --_avatar-size: var(--kring-avatar-size, 3rem);
    }
    :host([view='full' i]) {
      --_avatar-size: var(--kring-avatar-size, 4.5rem);
    }
    :host([hidden]) {
      display: none;
    }
    [part~='card'] {
      display: flex;
      gap: var(--_space);
      align-items: flex-start;
      padding: var(--_space);
      min-height: 4.5rem;
      box-sizing: border-box;
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      line-height: 1.35;
    }
    :host(:not([view='full'])) {
      content-visibility: auto;
      contain-intrinsic-size: auto 4.5rem;
    }
    :host([view='full' i]) [part~='card'] {
      min-height: 9rem;
    }
    [part~='avatar'] {
      width: var(--_avatar-size);
      height: var(--_avatar-size);
      border-radius: 50%;
      display: grid;
      place-items: center;
      overflow: hidden;
      font-weight: 600;
      font-size: calc(var(--_avatar-size) * 0.38);
      color: #ffffff;
      flex: none;
    }
    [part~='avatar'] img {
      width: 100%;
      height: 100%;
      object-fit: cover;
    }
    [part~='body'] {
      flex: 1;
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
      align-items: center;
      gap: 0.25rem;
      margin-top: 0.5em;
    }
    .profile-link {
      color: var(--_accent);
      margin-inline-end: 0.5rem;
    }
    [part~='action'] {
      display: inline-grid;
      place-items: center;
      inline-size: 2rem;
      block-size: 2rem;
      padding: 0;
      border: 1px solid var(--_border);
      border-radius: 50%;
      background: var(--_surface);
      color: var(--_accent);
      cursor: pointer;
      font: inherit;
    }
    [part~='action']:hover {
      background: var(--_accent-subtle);
      border-color: var(--_accent);
    }
    [part~='action'] .icon {
      inline-size: 1.125rem;
      block-size: 1.125rem;
    }
    [part~='kudos-dialog'] {
      inline-size: min(32rem, calc(100vw - 2rem));
      box-sizing: border-box;
      padding: var(--_space);
      color: var(--_text);
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      box-shadow: var(--_shadow-popup);
    }
    [part~='kudos-dialog']::backdrop {
      background: rgb(0 0 0 / 0.3);
    }
    [part~='close-kudos'] {
      margin-top: var(--_space);
      font: inherit;
      color: var(--_text);
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: 0.35em 0.9em;
      cursor: pointer;
    }
    [part~='badges'] {
      display: block;
      margin-top: 0.5em;
    }
    [part~='avatar'].photo-pending {
      background: var(--_skeleton);
    }
    [part~='card'].skeleton {
      --_avatar: var(--_avatar-size);
      --_line-x: calc(var(--_avatar) + var(--_space));
      --_line-w: calc(100% - var(--_line-x));
      min-height: calc(var(--_avatar) + 2 * var(--_space) + 2px);
      background-origin: content-box;
      background-repeat: no-repeat;
      background-image:
        radial-gradient(circle closest-side, var(--_skeleton) 96%, transparent),
        linear-gradient(var(--_skeleton), var(--_skeleton)),
        linear-gradient(var(--_skeleton), var(--_skeleton)),
        linear-gradient(var(--_skeleton), var(--_skeleton));
      background-size:
        var(--_avatar) var(--_avatar),
        calc(var(--_line-w) * 0.6) 0.8em,
        calc(var(--_line-w) * 0.45) 0.8em,
        calc(var(--_line-w) * 0.7) 0.8em;
      background-position:
        0 0,
        var(--_line-x) 0.1em,
        var(--_line-x) 1.1em,
        var(--_line-x) 2.1em;
    }
    @media (prefers-reduced-motion: no-preference) {
      [part~='card'].skeleton.pulse {
        animation: pulse 1.4s ease-in-out infinite;
      }
    }
    @keyframes pulse {
      50% {
        opacity: 0.55;
      }
    }
    [part~='problem'] {
      flex: 1;
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
      [part~='card'].skeleton {
        forced-color-adjust: none;
      }
      [part~='card'],
      [part~='skill'] {
        border-color: CanvasText;
      }
      [part~='action'] {
        border-color: LinkText;
        color: LinkText;
      }
      [part~='avatar'] {
        forced-color-adjust: none;
        border: 1px solid CanvasText;
      }
    }
  `,
];
