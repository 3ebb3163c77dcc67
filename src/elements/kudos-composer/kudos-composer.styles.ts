import { css } from 'lit';
import { tokens } from '../../styles/tokens.js';
import { formControls } from '../../styles/form-controls.js';

export const kudosComposerStyles = [
  tokens,
  formControls,
  css`
    :host {
      display: block;
    }
    form {
      display: grid;
      gap: 0.75rem;
      padding: 0.75rem 1rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
    }
    .field {
      display: grid;
      gap: 0.25rem;
    }
    .field > label {
      font-weight: 600;
    }
    select,
    textarea {
      font: inherit;
      color: inherit;
      background-color: var(--_surface);
      /* A field's outline is how people find it: 3:1 against its background (WCAG 1.4.11). */
      border: 1px solid var(--_field-border);
      border-radius: var(--_radius);
      padding: 0.375rem 0.5rem;
    }
    select {
      padding-inline-end: 2rem;
    }
    textarea {
      min-block-size: 5rem;
      resize: vertical;
      overflow-wrap: anywhere;
      unicode-bidi: plaintext;
    }
    select:focus-visible,
    textarea:focus-visible {
      outline: 2px solid var(--_focus);
      outline-offset: 1px;
    }
    [aria-invalid='true'] {
      border-color: var(--_danger);
    }
    .counter {
      justify-self: end;
      font-size: 0.875em;
      color: var(--_muted);
      font-variant-numeric: tabular-nums;
    }
    .counter.near {
      color: inherit;
      font-weight: 600;
    }
    .counter.over {
      color: var(--_danger);
      font-weight: 600;
    }
    .field-error,
    .form-error {
      margin: 0;
      color: var(--_danger);
      font-size: 0.9em;
    }
    .form-error:empty {
      display: none;
    }
    .actions {
      display: flex;
      gap: 0.5rem;
      align-items: center;
      justify-content: flex-end;
      flex-wrap: wrap;
    }
    .send-status {
      margin-inline-end: auto;
      font-size: 0.875em;
    }
    .pending-list {
      margin-block-start: var(--_gap);
    }
  `,
];
