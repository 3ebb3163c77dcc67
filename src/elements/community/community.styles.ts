import { css } from 'lit';

export const communityStyles = css`
  :host {
    display: contents;
  }
  [part='message'] {
    display: block;
    margin: 0.5em 0;
    padding: 0.5em 0.75em;
    border-inline-start: 4px solid var(--kring-color-danger, #b3261e);
    background: var(--kring-color-danger-surface, #fdecea);
    color: var(--kring-color-danger-text, #5c1410);
    font: inherit;
  }
  @media (prefers-color-scheme: dark) {
    [part='message'] {
      background: var(--kring-color-danger-surface, #3b1512);
      color: var(--kring-color-danger-text, #ffdad6);
    }
  }
  @media (forced-colors: active) {
    [part='message'] {
      border: 1px solid CanvasText;
    }
  }
`;
