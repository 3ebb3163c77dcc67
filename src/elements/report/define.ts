import { defineElement } from '../../define.js';
import { KringReport } from './report.js';

/** Importing this module defines the element; the class is exported for `instanceof` and typing. */
export { KringReport };

defineElement('kring-report', KringReport);

declare global {
  interface HTMLElementTagNameMap {
    'kring-report': KringReport;
  }
}
