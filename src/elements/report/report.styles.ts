import { css } from 'lit';
import { tokens } from '../../styles/tokens.js';
import { metricsViewStyles } from '../pulse/pulse.styles.js';

export const reportStyles = [
  tokens,
  metricsViewStyles,
  css`
    :host {
      max-width: 52rem;
    }
    [part~='toolbar'] {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em;
      margin: 0 0 var(--_space);
    }
    [part~='toolbar'] button:not([part~='print']) {
      background: transparent;
      color: var(--_accent);
    }
    [part~='section'] {
      margin: 0 0 calc(var(--_space) * 1.5);
    }
    [part~='summary'] p {
      margin: 0 0 0.5em;
      max-width: 65ch;
    }
    [part~='changes'] {
      margin: 0;
      padding-inline-start: 1.2em;
    }
    .table-scroll {
      overflow-x: auto;
    }
    table {
      border-collapse: collapse;
      font-size: 0.9em;
      margin: 0 0 var(--_space);
    }
    caption {
      text-align: start;
      font-weight: 600;
      padding: 0 0 0.35em;
    }
    th,
    td {
      border: 1px solid var(--_border);
      padding: 0.25em 0.6em;
      text-align: end;
    }
    th[scope='row'],
    thead th:first-child {
      text-align: start;
    }
    /*
     * Tables keep words whole (the host's overflow-wrap: anywhere would squeeze "not shown" into
     * "not show / n"), a value stays on one line, and a table wider than the report scrolls in its region.
     */
    table {
      overflow-wrap: normal;
    }
    td {
      white-space: nowrap;
    }
    /* The department matrix: column names written upwards, so a column is as wide as its values. */
    [data-table='matrix'] thead th:not(:first-child) {
      writing-mode: vertical-rl;
      transform: rotate(180deg);
      text-align: start;
      vertical-align: bottom;
      white-space: nowrap;
      padding: 0.4em 0.2em;
    }
    [data-table='matrix'] {
      font-size: var(--_font-small);
    }
    [data-table='matrix'] td {
      padding: 0.25em 0.35em;
    }
    [part~='footer'] {
      color: var(--_muted);
      font-size: 0.85em;
    }
    @media print {
      :host {
        --_surface: #ffffff;
        --_text: #000000;
        --_muted: #333333;
        --_border: #999999;
        max-width: none;
        padding: 0;
        font-size: 10pt;
        background: #ffffff;
      }
      [part~='toolbar'],
      [role='status'] {
        display: none;
      }
      .title,
      .subtitle,
      caption {
        break-after: avoid;
      }
      table,
      tr,
      [part~='summary'] {
        break-inside: avoid;
      }
      .table-scroll {
        overflow: visible;
      }
      table {
        font-size: 9pt;
      }
      /* From eight departments on, the matrix gets a landscape page (@page kring-wide, print-sheet.ts). */
      [data-table='matrix'] {
        font-size: 8pt;
      }
      [data-table='matrix'] th[scope='row'] {
        white-space: nowrap;
      }
      .table-scroll:has(> [data-table='matrix'] thead th:nth-child(8)) {
        page: kring-wide;
      }
      [part~='footer'] {
        break-before: avoid;
      }
    }
  `,
];
