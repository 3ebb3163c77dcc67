import { css } from 'lit';
import { tokens } from '../../styles/tokens.js';

/*
 * Emblems: the level is a shape and a metal (bronze disc, silver hexagon, gold rosette) plus 1–3 pips;
 * the role is an icon on a disc in the role's colour. White icon on every role disc ≥ 7:1; the
 * role disc against a light surface ≥ 7:1, and on a dark surface the metal rim (≥ 4.5:1 against it)
 * outlines the badge, so the 3:1 non-text threshold holds in both schemes.
 */
export const ambassadorBadgeStyles = [
  tokens,
  css`
    :host {
      display: inline-block;
      --_starter: var(--kring-color-badge-starter, var(--_legacy-badge-starter, #c07a4a));
      --_active: var(--kring-color-badge-active, var(--_legacy-badge-active, #9aa8b8));
      --_champion: var(--kring-color-badge-champion, var(--_legacy-badge-champion, #e6b422));
      --_on-badge: var(--kring-color-on-badge, var(--_legacy-on-badge, #ffffff));
      --_size: 2.5rem;
      position: relative;
    }
    :host([size='s' i]) {
      --_size: 1.75rem;
    }
    :host([size='l' i]) {
      --_size: 3.5rem;
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
      display: inline-block;
      width: var(--_size);
      height: var(--_size);
      flex: none;
    }
    .emblem {
      display: block;
      width: 100%;
      height: 100%;
      color: var(--_on-badge);
      overflow: visible;
    }
    .emblem-rim {
      fill: var(--_level, var(--_starter));
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
    .emblem-disc {
      fill: #0f548c;
    }
    .emblem-disc.role-presenter {
      fill: var(--kring-color-badge-presenter, #5c2e91);
    }
    .emblem-disc.role-writer {
      fill: var(--kring-color-badge-writer, #0f548c);
    }
    .emblem-disc.role-responder {
      fill: var(--kring-color-badge-responder, #0b5a0b);
    }
    .emblem-disc.role-connector {
      fill: var(--kring-color-badge-connector, #a4262c);
    }
    .emblem-disc.role-recruiter {
      fill: var(--kring-color-badge-recruiter, #005b70);
    }
    .emblem-pip {
      fill: currentColor;
    }
    /* The role icon inside the emblem: sized in the emblem's own units, not by the text size. */
    .emblem .icon {
      inline-size: 21px;
      block-size: 21px;
      vertical-align: baseline;
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
      .emblem {
        forced-color-adjust: none;
        color: CanvasText;
      }
      .emblem-rim {
        fill: CanvasText;
      }
      .emblem-disc[class] {
        fill: Canvas;
      }
      [part='popover'] {
        border-color: CanvasText;
      }
    }
  `,
];
