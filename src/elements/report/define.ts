import { defineElement } from '../../define.js';
import { KringReport } from './report.js';

defineElement('kring-report', KringReport);

declare global {
  interface HTMLElementTagNameMap {
    'kring-report': KringReport;
  }
}
