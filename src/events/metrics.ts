import type { CommunityMetrics } from '../model.js';
import type { ReportFormat } from '../elements/report/report.js';

export interface MetricsLoadDetail {
  readonly metrics: CommunityMetrics;
}

/** `<kring-pulse>` or `<kring-report>`: the month's figures have loaded. */
export class KringMetricsLoadEvent extends Event {
  static readonly eventName = 'kring-metrics-load';
  constructor(readonly detail: MetricsLoadDetail) {
    super(KringMetricsLoadEvent.eventName, { bubbles: true, composed: true });
  }
}

export interface ReportDownloadDetail {
  readonly format: ReportFormat;
  readonly filename: string;
  readonly blob: Blob;
}

/**
 * `<kring-report>`: a download is about to start. Cancelable: `preventDefault()` to handle the file
 * yourself.
 */
export class KringReportDownloadEvent extends Event {
  static readonly eventName = 'kring-report-download';
  constructor(readonly detail: ReportDownloadDetail) {
    super(KringReportDownloadEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kring-metrics-load': KringMetricsLoadEvent;
    'kring-report-download': KringReportDownloadEvent;
  }
}
