import type { PropertyValues } from 'lit';
import { property } from 'lit/decorators/property.js';
import { KringElement } from './kring-element.js';
import { titleLevelOf } from './metrics-states.js';
import { HEADING_LEVELS } from './metrics-heading.js';
import { t } from './metrics-format.js';
import type { MessageParams } from '../../i18n/index.js';
import type { MetricsStringKey } from '../../i18n/metrics.js';

/**
 * Base of the elements for community managers (`<kring-pulse>`, `<kring-report>`,
 * `<kring-pioneers>`): the `heading-level` attribute and the metrics strings. Not registered itself.
 */
export abstract class KringMetricsElement extends KringElement {
  /** Level of the element's title, `2` (default) to `6`; section titles go one deeper. */
  @property({ attribute: 'heading-level' }) headingLevel?: string;

  /** The element's own attributes, re-checked together with `heading-level` when one changes. */
  protected abstract readonly checkedAttributes: readonly PropertyKey[];

  /** Reports problems with the element's own attributes (called after the problems were cleared). */
  protected abstract checkOwnAttributes(): void;

  protected override willUpdate(changed: PropertyValues<this>): void {
    const keys = changed as Map<PropertyKey, unknown>;
    if (keys.has('headingLevel') || this.checkedAttributes.some((key) => keys.has(key))) {
      this.clearProblems();
      this.checkAttribute('heading-level', this.headingLevel, HEADING_LEVELS, '2');
      this.checkOwnAttributes();
    }
  }

  protected get titleLevel(): number {
    return titleLevelOf(this.headingLevel);
  }

  protected text(key: MetricsStringKey, params?: MessageParams): string {
    return t(this.language, key, params);
  }
}
