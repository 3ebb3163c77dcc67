import { html, LitElement, type PropertyDeclaration, type PropertyValues, type TemplateResult } from 'lit';
import { consume } from '@lit/context';
import { state } from 'lit/decorators.js';
import { clientContext, configContext, type KringConfig } from '../../context.js';
import type { CommunityClientApi } from '../../client/types.js';
import { resolveLanguage, translate, type Language } from '../../i18n/index.js';
import { communityStrings } from '../../i18n/community.js';
import { StringsController } from './strings-controller.js';
import { observeForAutoload } from '../../autoload.js';
import { SeenController } from '../../tracking/seen-controller.js';
import { allowedValue } from '../../attribute-values.js';
import { announce } from './announcer.js';
import { contentMarks, LanguageMarksController, type ContentMarks } from './language-marks.js';

/** How long an element waits for a community before it says it has none. */
export const NOT_CONNECTED_AFTER_MS = 4000;

let missingCommunityReported = false;

/** One console error per page, naming the fix. */
function reportMissingCommunity(tag: string): void {
  if (missingCommunityReported) return;
  missingCommunityReported = true;
  console.error(
    `[kring] <${tag}> found no <kring-community>. Put it inside one, or add the page attribute ` +
      '(<kring-community page>) so elements anywhere on the page use it.',
  );
}

/**
 * Base for every Kring element: receives the client and config from the nearest
 * `<kring-community>` (or the page-level one) and resolves the language.
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

  /** Attribute problems found on the last update, shown in the element and logged once each. */
  @state()
  protected attributeProblems: string[] = [];

  private readonly loggedProblems = new Set<string>();

  /** Marks the content with its language and direction when they differ from the page's (3.1.2). */
  protected readonly languageMarks = new LanguageMarksController(this, () => this.language);

  /** Records one `element-seen` event per page view once half the element is visible. */
  protected readonly seen = new SeenController(this, () => this.client);

  constructor() {
    super();
    // Renders again when languages or strings are registered later.
    new StringsController(this);
  }

  /**
   * True when no `<kring-community>` answered within `NOT_CONNECTED_AFTER_MS`: the element then says
   * so instead of loading forever (a community elsewhere on the page without `page`, or none at all).
   */
  @state()
  protected notConnected = false;

  private notConnectedTimer?: ReturnType<typeof setTimeout>;

  override connectedCallback(): void {
    super.connectedCallback();
    // Kring tags rendered inside this element load on first use, like those in the page.
    if (this.renderRoot instanceof ShadowRoot) observeForAutoload(this.renderRoot);
    this.notConnectedTimer = setTimeout(
      () => {
        if (this.client) return;
        this.notConnected = true;
        // A community that answered with its settings but has no client has not connected its backend
        // (it says why itself when that failed), so only a missing community is reported here.
        if (!this.config) reportMissingCommunity(this.localName);
      },
      (this.constructor as typeof KringElement).notConnectedAfterMs,
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.notConnectedTimer);
  }

  // Here rather than in willUpdate, which elements override: a community that arrives late clears the flag.
  override requestUpdate(name?: PropertyKey, oldValue?: unknown, options?: PropertyDeclaration): void {
    if (name === 'client' && this.client && this.notConnected) this.notConnected = false;
    // A community whose attributes are wrong will not send a client: say why at once, without waiting.
    if (name === 'config' && this.config?.problem && !this.client) this.notConnected = true;
    super.requestUpdate(name, oldValue, options);
  }

  /** Set while rendering: `t()` asks for the language many times, and each look-up walks up the tree. */
  private languageThisUpdate?: Language;

  protected override update(changed: PropertyValues): void {
    this.languageThisUpdate = resolveLanguage(this, this.config?.lang);
    try {
      super.update(changed);
    } finally {
      this.languageThisUpdate = undefined;
    }
  }

  /**
   * What an element without a client says instead of loading forever: that there is no community, the
   * community's configuration problem (a bad `backend`), or (when a community answered with its
   * settings) that the community has not connected its backend.
   */
  protected get notConnectedMessage(): string {
    const problem = this.config?.problem;
    if (problem) return translate(communityStrings, this.language, 'community.badAttribute', { problem });
    const key = this.config ? 'community.notStarted' : 'community.notConnected';
    return translate(communityStrings, this.language, key);
  }

  /** The element's whole content while no `<kring-community>` answers (see `notConnected`). */
  protected renderNotConnected(): TemplateResult {
    // Not a live region: thirteen elements saying it at once would be chatter; it is read in place.
    return html`<p part="problem" class="not-connected">${this.notConnectedMessage}</p>`;
  }

  /**
   * After the next render, gives the focus to the first of `selectors` found when the control that had it went away or was
   * disabled (a button removed by its own action), so keyboard users are not dropped to the page start.
   * Part of the async focus rule (`shared/async-focus.ts`).
   */
  protected async focusIfLost(...selectors: string[]): Promise<void> {
    await this.updateComplete;
    const focused = this.shadowRoot?.activeElement as HTMLButtonElement | null;
    if (focused && !focused.disabled) return;
    // Focus the user moved elsewhere on the page is not lost: leave it there.
    const pageFocus = document.activeElement;
    if (!focused && pageFocus && pageFocus !== document.body && pageFocus !== this) return;
    for (const selector of selectors) {
      const target = this.renderRoot.querySelector<HTMLElement>(selector);
      if (target) return target.focus();
    }
  }

  /**
   * Moves the focus to `selector` now when it is inside it (on a button the action is about to remove):
   * the container stays while the action runs. Part of the async focus rule (`shared/async-focus.ts`).
   */
  protected focusContainerOf(selector: string): void {
    const container = this.renderRoot.querySelector<HTMLElement>(selector);
    const focused = this.shadowRoot?.activeElement;
    if (container && focused && container !== focused && container.contains(focused)) container.focus();
  }

  /** Says `text` politely through the page's one announcement queue (`shared/announcer.ts`). */
  protected announce(text: string): void {
    announce(this, text, this.language);
  }

  /**
   * `lang`/`dir` for directory and community text (job titles, departments, badge criteria) shown in
   * this element: written in `<kring-community content-lang>` or the backend's content language.
   */
  protected get contentMarks(): ContentMarks {
    return contentMarks(this.config?.contentLang ?? this.client?.backend?.contentLanguage, this.language);
  }

  /** The language to render in: a shipped one (en, nl, de, fr) or one the integrator registered. */
  protected get language(): Language {
    return this.languageThisUpdate ?? resolveLanguage(this, this.config?.lang);
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
    if (value == null || value === '') return fallback;
    const match = allowedValue(value, allowed);
    if (match !== undefined) return match;
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
