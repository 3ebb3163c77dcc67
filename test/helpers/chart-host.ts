import { LitElement, type TemplateResult } from 'lit';
import { tokens } from '../../src/styles/tokens.js';
import { chartStyles } from '../../src/charts/index.js';

/** Hosts one chart template in a shadow root with the chart styles, as the elements do: `<chart-host .template=…>`. */
export class ChartHost extends LitElement {
  static override styles = [tokens, chartStyles];
  static override properties = { template: { attribute: false } };
  template?: TemplateResult;
  override render() {
    return this.template;
  }
}
if (!customElements.get('chart-host')) customElements.define('chart-host', ChartHost);

declare global {
  interface HTMLElementTagNameMap {
    'chart-host': ChartHost;
  }
}
