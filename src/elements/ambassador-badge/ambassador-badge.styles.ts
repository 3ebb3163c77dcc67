import { css } from 'lit';
import { tokens } from '../../styles/tokens.js';

/*
 * Level colours: white icon on a dark fill in light mode (≥ 6.7:1), dark icon on a light fill in
 * dark mode (≥ 9:1); fill against the page surface ≥ 6.7:1, so both the 3:1 non-text and the
 * 4.5:1 text thresholds hold. Pips under the icon show the level without colour.
 */
export const ambassadorBadgeStyles = [
  tokens,
  css`
    :host {
      display: inline-block;
      --_starter: var(--kring-color-badge-starter, var(--_legacy-badge-starter, #8a4a1c));
      --_active: var(--kring-color-badge-active, var(--_legacy-badge-active, #3f5775));
      --_champion: var(--kring-color-badge-champion, var(--_legacy-badge-champion, #765700));
      --_on-badge: var(--kring-color-on-badge, var(--_legacy-on-badge, #ffffff));
      --_size: 2.25rem;
      position: relative;
    }
    :host([size='s' i]) {
      --_size: 1.5rem;
    }
    :host([size='l' i]) {
      --_size: 3rem;
    }
    @media (prefers-color-scheme: dark) {
      :host {
        --_starter: var(--kring-color-badge-starter, var(--_legacy-badge-starter, #f2b58a));
        --_active: var(--kring-color-badge-active, var(--_legacy-badge-active, #b9c9de));
        --_champion: var(--kring-color-badge-champion, var(--_legacy-badge-champion, #f2cc55));
        --_on-badge: var(--kring-color-on-badge, var(--_legacy-on-badge, #1b1b1f));
      }
    }
    [part='list'] {
      display: flex;
      flex-wrap: wrap;
      gap: 0.35rem;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    [part='item'] {
      position: relative;
    }
    [part~='badge'] {
      display: inline-flex;
      align-items: center;
      gap: 0.5rem;
      margin: 0;
      padding: 0;
      border: 0;
      background: none;
      color: var(--_text);
      font: inherit;
      cursor: pointer;
      border-radius: 999px;
    }
    .medal {
      display: inline-grid;
      place-items: center;
      width: var(--_size);
      height: var(--_size);
      border-radius: 50%;
      color: var(--_on-badge);
      background: var(--_level, var(--_starter));
      box-sizing: border-box;
      padding: calc(var(--_size) * 0.16) 0 calc(var(--_size) * 0.06);
      grid-template-rows: 1fr auto;
    }
    .level-starter {
      --_level: var(--_starter);
    }
    .level-active {
      --_level: var(--_active);
    }
    .level-champion {
      --_level: var(--_champion);
    }
    .icon {
      width: calc(var(--_size) * 0.58);
      height: calc(var(--_size) * 0.58);
    }
    .pips {
      width: calc(var(--_size) * 0.5);
      height: calc(var(--_size) * 0.17);
    }
    :host(:not([size='l'])) .label {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    [part='popover'] {
      position: absolute;
      z-index: 10;
      top: calc(100% + 0.35rem);
      inset-inline-start: 0;
      width: max-content;
      max-width: min(20rem, calc(100vw - 1rem));
      box-sizing: border-box;
      padding: 0.6rem 0.75rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      color: var(--_text);
      box-shadow: 0 4px 16px rgb(0 0 0 / 0.18);
      font-size: 0.875rem;
      line-height: 1.4;
    }
    [part='popover'][hidden] {
      display: none;
    }
    /* Bridges the gap above the popover, so the pointer can move onto it without leaving (1.4.13). */
    [part='popover']::before {
      content: '';
      position: absolute;
      inset-inline: 0;
      inset-block-end: 100%;
      block-size: 0.5rem;
    }
    [part='popover'] p,
    [part='popover'] ul {
      margin: 0 0 0.35rem;
    }
    [part='popover'] ul {
      padding-inline-start: 1.1rem;
    }
    .popover-title {
      font-weight: 600;
    }
    .muted,
    [part='empty'] {
      color: var(--_muted);
      font-size: 0.875rem;
    }
    [part='download'],
    [part='retry'] {
      font: inherit;
      font-size: 0.875rem;
      padding: 0.3rem 0.6rem;
      border-radius: var(--_radius);
      border: 1px solid var(--_accent);
      background: var(--_surface);
      color: var(--_accent);
      cursor: pointer;
    }
    .skeleton {
      display: inline-block;
      width: var(--_size);
      height: var(--_size);
      border-radius: 50%;
      background: var(--_skeleton);
    }
    @media (prefers-reduced-motion: no-preference) {
      [part='popover'] {
        animation: appear 120ms ease-out;
      }
      @keyframes appear {
        /* Movement only: a fade would leave text briefly below contrast. */
        from {
          transform: translateY(-3px);
        }
      }
    }
    @media (forced-colors: active) {
      .medal {
        forced-color-adjust: none;
        background: Canvas;
        color: CanvasText;
        border: 2px solid CanvasText;
      }
      [part='popover'] {
        border-color: CanvasText;
      }
    }
  `,
];
