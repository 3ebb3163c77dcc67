import { LitElement } from 'lit';
import { consume } from '@lit/context';
import { state } from 'lit/decorators.js';
import { clientContext, configContext, type KringConfig } from '../../context.js';
import type { CommunityClientApi } from '../../client/types.js';
import { resolveLanguage, type Language } from '../../i18n/index.js';
import { observeForAutoload } from '../../autoload.js';
import { SeenController } from '../../tracking/seen-controller.js';

/**
 * Base for every Kring element: receives the client and config from the nearest
 * `<kring-community>` (or the page-level one) and resolves the language.
 */
export class KringElement extends LitElement {
  /** The community client, provided by `<kring-community>`. */
  @consume({ context: clientContext, subscribe: true })
  @state()
  protected client?: CommunityClientApi;

  @consume({ context: configContext, subscribe: true })
  @state()
  protected config?: KringConfig;

  /** Attribute problems found on the last update, shown in the element and logged once each. */
  @state()
  protected attributeProblems: string[] = [];

  private readonly loggedProblems = new Set<string>();

  /** Records one `element-seen` event per page view once half the element is visible. */
  protected readonly seen = new SeenController(this, () => this.client);

  override connectedCallback(): void {
    super.connectedCallback();
    // Kring tags rendered inside this element load on first use, like those in the page.
    if (this.renderRoot instanceof ShadowRoot) observeForAutoload(this.renderRoot);
  }

  /** The language to render in (en or nl). */
  protected get language(): Language {
    return resolveLanguage(this, this.config?.lang);
  }

  /**
   * Validates an attribute against its allowed values. On a bad value it logs one console error
   * naming the element, attribute and allowed values, and returns the fallback.
   */
  protected checkAttribute<T extends string>(
    attribute: string,
    value: string | null | undefined,
    allowed: readonly T[],
    fallback: T,
  ): T {
    if (value == null || value === '') return fallback;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    this.reportProblem(
      `<${this.localName}> ${attribute}="${value}" is not valid; use one of: ${allowed.join(', ')}.`,
    );
    return fallback;
  }

  /** Logs a configuration problem once and keeps it for rendering. */
  protected reportProblem(message: string): void {
    if (!this.loggedProblems.has(message)) {
      this.loggedProblems.add(message);
      console.error(`[kring] ${message}`);
    }
    if (!this.attributeProblems.includes(message)) {
      this.attributeProblems = [...this.attributeProblems, message];
    }
  }

  /** Clears problems before re-validating attributes. */
  protected clearProblems(): void {
    if (this.attributeProblems.length) this.attributeProblems = [];
  }
}
