import { css } from 'lit';
import { tokens } from '../../styles/tokens.js';

export const peoplePickerStyles = [
  tokens,
  css`
    :host {
      display: block;
      position: relative;
    }
    :host([hidden]) {
      display: none;
    }
    label {
      display: block;
      font-weight: 600;
      margin-block-end: 0.25rem;
    }
    .field {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem;
      align-items: center;
      padding: 0.25rem;
      /* The field's outline is how people find it: 3:1 against its background (WCAG 1.4.11). */
      border: 1px solid var(--_field-border);
      border-radius: var(--_radius);
      background: var(--_surface);
    }
    .field:focus-within {
      outline: 2px solid var(--_focus);
      outline-offset: 1px;
    }
    ul.selection {
      display: contents;
      list-style: none;
    }
    .chip {
      display: inline-flex;
      align-items: center;
      gap: 0.25rem;
      max-inline-size: 100%;
      padding-block: 0.125rem;
      padding-inline: 0.125rem 0.25rem;
      border-radius: 999px;
      background: color-mix(in srgb, var(--_accent) 12%, var(--_surface));
      --kring-avatar-size: 1.5rem;
    }
    .chip-name {
      overflow-wrap: anywhere;
    }
    .chip button {
      font: inherit;
      border: 0;
      background: transparent;
      color: inherit;
      cursor: pointer;
      border-radius: 50%;
      inline-size: 1.5rem;
      block-size: 1.5rem;
      line-height: 1;
    }
    .chip .person-trigger {
      display: inline-flex;
      align-items: center;
      gap: 0.25rem;
      inline-size: auto;
      block-size: auto;
      border-radius: 999px;
      text-decoration: none;
    }
    .chip button:focus-visible {
      outline: 2px solid var(--_focus);
    }
    input {
      flex: 1 1 8rem;
      min-inline-size: 6rem;
      font: inherit;
      color: inherit;
      border: 0;
      padding: 0.25rem;
      background: transparent;
    }
    input:focus {
      outline: none;
    }
    .hint {
      font-size: 0.875em;
      opacity: 0.8;
      margin-block-start: 0.25rem;
    }
    /* An error looks like the other fields' errors (the kudos Message): danger colour, danger border. */
    .field.invalid {
      border-color: var(--_danger);
    }
    .hint.error {
      color: var(--_danger);
      opacity: 1;
      font-size: 0.9em;
    }
    .popup {
      position: absolute;
      z-index: 10;
      inset-inline: 0;
      margin-block-start: 0.25rem;
      padding: 0.25rem;
      max-block-size: 18rem;
      overflow-y: auto;
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      box-shadow: var(--_shadow-popup);
    }
    [role='listbox'] {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    [role='option'] {
      display: flex;
      gap: 0.5rem;
      align-items: center;
      padding: 0.375rem 0.5rem;
      border-radius: calc(var(--_radius) / 2);
      cursor: pointer;
    }
    [role='option'][aria-selected='true'] {
      background: color-mix(in srgb, var(--_accent) 18%, var(--_surface));
      outline: 2px solid var(--_accent);
    }
    .option-text {
      display: flex;
      flex-direction: column;
      min-inline-size: 0;
    }
    .option-name {
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    .option-detail {
      font-size: 0.875em;
      opacity: 0.8;
      overflow-wrap: anywhere;
    }
    .status {
      padding: 0.375rem 0.5rem;
    }
    @media (forced-colors: active) {
      [role='option'][aria-selected='true'] {
        outline: 2px solid Highlight;
      }
      .field:focus-within {
        outline-color: Highlight;
      }
    }
  `,
];
