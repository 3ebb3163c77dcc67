import { html, LitElement, type PropertyDeclaration, type PropertyValues, type TemplateResult } from 'lit';
import { consume } from '@lit/context';
import { state } from 'lit/decorators.js';
import { clientContext, configContext, type KringConfig } from '../../context.js';
import type { CommunityClientApi } from '../../client/types.js';
import { resolveLanguage, type Language } from '../../i18n/index.js';
import { StringsController } from './strings-controller.js';
import { observeForAutoload } from '../../autoload.js';
import { SeenController } from '../../tracking/seen-controller.js';
import { announce } from './announcer.js';
import { contentMarks, LanguageMarksController, type ContentMarks } from './language-marks.js';
import { AttributeProblems } from './attribute-problems.js';
import { CommunityConnectionController } from './community-connection.js';
import { focusContainerOf, focusIfLost } from './async-focus.js';

/** How long an element waits for a community before it says it has none. */
export const NOT_CONNECTED_AFTER_MS = 4000;

/**
 * Base for every Kring element: receives the client and config from the nearest `<kring-community>`
 * (or the page-level one) and composes the controllers every element has. Each job is its own module:
 * the connection (`community-connection.ts`), attribute checks (`attribute-problems.ts`), tracking
 * (`tracking/seen-controller.ts`), language marks and strings, focus rescue (`async-focus.ts`); what
 * remains here is the context, the language and thin protected helpers for subclasses.
 */
export class KringElement extends LitElement {
  /** How long to wait for a community before saying there is none; a test may shorten it. */
  static notConnectedAfterMs = NOT_CONNECTED_AFTER_MS;

  /** The community client, provided by `<kring-community>`. */
  @consume({ context: clientContext, subscribe: true })
  @state()
  protected client?: CommunityClientApi;

  @consume({ context: configContext, subscribe: true })
  @state()
  protected config?: KringConfig;

  /** Marks the content with its language and direction when they differ from the page's (3.1.2). */
  protected readonly languageMarks = new LanguageMarksController(this, () => this.language);

  /** Records one `element-seen` event per page view once half the element is visible. */
  protected readonly seen = new SeenController(this, () => this.client);

  private readonly connection = new CommunityConnectionController(
    this,
    () => ({ client: this.client, config: this.config }),
    () => (this.constructor as typeof KringElement).notConnectedAfterMs,
  );

  private readonly problems = new AttributeProblems(this);

  constructor() {
    super();
    // Renders again when languages or strings are registered later.
    new StringsController(this);
  }

  /**
   * True when no `<kring-community>` answered within `NOT_CONNECTED_AFTER_MS`: the element then says
   * so instead of loading forever (a community elsewhere on the page without `page`, or none at all).
   */
  protected get notConnected(): boolean {
    return this.connection.notConnected;
  }

  /** Attribute problems found on the last update, shown in the element and logged once each. */
  protected get attributeProblems(): string[] {
    return this.problems.list;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Kring tags rendered inside this element load on first use, like those in the page.
    if (this.renderRoot instanceof ShadowRoot) observeForAutoload(this.renderRoot);
  }

  // Here rather than in willUpdate, which elements override: a community that arrives late clears the flag.
  override requestUpdate(name?: PropertyKey, oldValue?: unknown, options?: PropertyDeclaration): void {
    // Undefined while the base class constructor runs (it requests the first update).
    this.connection?.changed(name);
    super.requestUpdate(name, oldValue, options);
  }

  /**
   * Resolved at the start of each update and kept until the next: rendering (`t()`), the controllers'
   * updated hooks and event handlers ask for the language many times, and each look-up walks up the
   * tree. What the element says between updates is in the language it last rendered in.
   */
  private languageThisUpdate?: Language;

  protected override update(changed: PropertyValues): void {
    this.languageThisUpdate = resolveLanguage(this, this.config?.lang);
    super.update(changed);
  }

  /**
   * `lang`/`dir` for directory and community text (job titles, departments, badge criteria) shown in
   * this element: written in `<kring-community content-lang>` or the backend's content language.
   */
  protected get contentMarks(): ContentMarks {
    return contentMarks(this.config?.contentLang ?? this.client?.contentLanguage, this.language);
  }

  /** The language to render in: a shipped one (en, nl, de, fr) or one the integrator registered. */
  protected get language(): Language {
    return this.languageThisUpdate ?? resolveLanguage(this, this.config?.lang);
  }

  /** What the element says instead of loading forever when it has no client (see `notConnected`). */
  protected get notConnectedMessage(): string {
    return this.connection.message(this.language);
  }

  /** The element's whole content while no `<kring-community>` answers (see `notConnected`). */
  protected renderNotConnected(): TemplateResult {
    // Not a live region: thirteen elements saying it at once would be chatter; it is read in place.
    return html`<p part="problem" class="not-connected">${this.notConnectedMessage}</p>`;
  }

  /** See `focusIfLost` in `shared/async-focus.ts` (the async focus rule). */
  protected focusIfLost(...selectors: string[]): Promise<void> {
    return focusIfLost(this, ...selectors);
  }

  /** See `focusContainerOf` in `shared/async-focus.ts` (the async focus rule). */
  protected focusContainerOf(selector: string): void {
    focusContainerOf(this, selector);
  }

  /** Says `text` politely through the page's one announcement queue (`shared/announcer.ts`). */
  protected announce(text: string): void {
    announce(this, text, this.language);
  }

  /**
   * Validates an attribute against its allowed values, in any case (`FULL` is `full`), and returns the
   * allowed value. On a bad value it logs one console error naming the element, attribute and allowed
   * values, and returns the fallback.
   */
  protected checkAttribute<T extends string>(
    attribute: string,
    value: string | null | undefined,
    allowed: readonly T[],
    fallback: T,
  ): T {
    return this.problems.check(attribute, value, allowed, fallback);
  }

  /** Logs a configuration problem once and keeps it for rendering. */
  protected reportProblem(message: string): void {
    this.problems.report(message);
  }

  /** Clears problems before re-validating attributes. */
  protected clearProblems(): void {
    this.problems.clear();
  }
}
