import { css } from 'lit';
import { tokens } from '../../styles/tokens.js';
import { formControls } from '../../styles/form-controls.js';

/** Form, button, list and status styles shared by the invite, welcome and ambassador elements. */
export const growthControlStyles = [
  tokens,
  formControls,
  css`
    :host {
      display: block;
      line-height: 1.45;
    }
    [part~='panel'] {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      padding: calc(var(--_space) * 1.25);
    }
    h2,
    h3,
    h4 {
      margin: 0 0 0.5rem;
      line-height: 1.25;
    }
    h2 {
      font-size: 1.2rem;
    }
    h3 {
      font-size: 1.05rem;
      margin-top: 1.25rem;
    }
    h4 {
      font-size: 1rem;
    }
    p {
      margin: 0 0 0.5rem;
    }
    .muted,
    .help {
      color: var(--_muted);
      font-size: 0.9rem;
    }
    form,
    .stack {
      display: grid;
      gap: 0.6rem;
    }
    fieldset {
      border: 0;
      margin: 0;
      padding: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
    }
    legend {
      font-weight: 600;
      padding: 0;
      margin-bottom: 0.25rem;
    }
    label {
      font-weight: 600;
    }
    fieldset label,
    label.choice {
      font-weight: normal;
      display: inline-flex;
      gap: 0.5rem;
      align-items: center;
    }
    .field {
      display: grid;
      gap: 0.25rem;
    }
    input[type='email'],
    input[type='url'],
    input[type='text'],
    textarea,
    select {
      font: inherit;
      color: var(--_text);
      background-color: var(--_surface);
      border: 1px solid var(--_field-border);
      border-radius: var(--_radius-small);
      padding: 0.45rem 0.55rem;
      min-width: 0;
    }
    select {
      padding-inline-end: 2rem;
    }
    textarea {
      min-height: 4.5rem;
      resize: vertical;
    }
    [aria-invalid='true'] {
      border-color: var(--_danger);
      box-shadow: 0 0 0 1px var(--_danger);
    }
    button {
      font: inherit;
      cursor: pointer;
      border-radius: var(--_radius);
      padding: 0.45rem 0.9rem;
      border: 1px solid var(--_accent);
      background: var(--_surface);
      color: var(--_accent);
    }
    button.primary {
      background: var(--_accent);
      color: var(--_accent-text);
    }
    button:disabled,
    button[aria-disabled='true'] {
      cursor: not-allowed;
      opacity: 0.6;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
    }
    .error,
    [part~='error'] {
      color: var(--_danger);
      font-size: 0.9rem;
    }
    [part~='status'] {
      min-height: 1.2em;
    }
    ul.plain {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.5rem;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0.35rem 0.75rem;
      align-items: center;
      justify-content: space-between;
      border-bottom: 1px solid var(--_border);
      padding-bottom: 0.5rem;
    }
    .chip {
      display: inline-block;
      font-size: 0.8rem;
      border: 1px solid currentColor;
      border-radius: 999px;
      padding: 0 0.5rem;
    }
    .skeleton-line {
      display: block;
      height: 0.9rem;
      border-radius: 4px;
      background: var(--_skeleton);
      margin: 0.4rem 0;
      width: 90%;
    }
    .skeleton-line.short {
      width: 40%;
    }
    .skeleton-line.medium {
      width: 65%;
    }
    progress {
      width: 100%;
      height: 0.75rem;
      accent-color: var(--_accent);
    }
    @media (forced-colors: active) {
      button.primary {
        forced-color-adjust: auto;
      }
      [aria-invalid='true'] {
        border-color: Mark;
      }
    }
  `,
];
