import type { CommunityMetrics } from '../../model.js';

/** Fired by `<kring-pulse>` and `<kring-report>` when the month's figures have loaded. */
export class MetricsLoadEvent extends CustomEvent<{ metrics: CommunityMetrics }> {
  constructor(metrics: CommunityMetrics) {
    super('kring-metrics-load', { detail: { metrics }, bubbles: true, composed: true });
  }
}
