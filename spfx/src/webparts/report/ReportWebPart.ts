import { KringWebPart } from '../../kring/KringWebPart';
import { WEB_PARTS } from '../../kring/catalogue';

/** The Kring monthly report web part: `<kring-report>`. */
export default class ReportWebPart extends KringWebPart {
  protected readonly definition = WEB_PARTS.report;

  protected loadElement(): Promise<unknown> {
    return import(/* webpackChunkName: 'kring-report' */ 'kring/elements/report.js');
  }
}
