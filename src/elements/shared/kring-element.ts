import { html, LitElement, type PropertyValues, type TemplateResult } from 'lit';
import type { KringConfig } from '../../context.js';
import type { CommunityClientApi } from '../../client/types.js';
import type { Language } from '../../i18n/index.js';
import { seenOnDemand } from '../../tracking/seen-on-demand.js';
import { announce } from './announce-later.js';
import type { ContentMarks } from './language-marks.js';
import { AttributeProblems } from './attribute-problems.js';
import { CommunityController } from './community-controller.js';
import { LocalisationController } from './localisation-controller.js';

/** How long an element waits for a community before it says it has none. */
export const NOT_CONNECTED_AFTER_MS = 4000;

/**
 * Base for every Kring element. It composes the controllers every element has, one job each: the
 * community (`community-controller.ts`: client, config, not-connected timer), localisation
 * (`localisation-controller.ts`), tracking (`tracking/seen-controller.ts`), attribute checks
 * (`attribute-problems.ts`); what remains here are thin protected accessors for subclasses. The focus
 * rescue after async actions (`async-focus.ts`) is imported by the elements that have such actions, so a
 * page of cards does not load it.
 */
export class KringElement extends LitElement {
  /** How long to wait for a community before saying there is none; a test may shorten it. */
  static notConnectedAfterMs = NOT_CONNECTED_AFTER_MS;

  // First, so the controllers below and the subclass's see the client when the host connects.
  readonly #community = new CommunityController(
    this,
    () => (this.constructor as typeof KringElement).notConnectedAfterMs,
  );

  readonly #localisation = new LocalisationController(this, {
    configured: () => this.config?.lang,
    content: () => this.config?.contentLang ?? this.client?.contentLanguage,
  });

  readonly #problems = new AttributeProblems(this);

  constructor() {
    super();
    // Records one `element-seen` event per page view once half the element is visible (tracking on).
    seenOnDemand(this, () => this.client);
  }

  /** Renders nothing until the strings of its language are here (see `LocalisationController`). */
  protected override shouldUpdate(changed: PropertyValues): boolean {
    return this.#localisation.mayUpdate(changed);
  }

  /**
   * Before the first render and while the strings of its language load, also waits for them and the
   * update that shows them; otherwise Lit's own, no later (callers time focus and dialogs on it).
   */
  protected override getUpdateComplete(): Promise<boolean> {
    const complete = super.getUpdateComplete();
    if (this.hasUpdated && !this.#localisation.waiting) return complete;
    return complete.then((done) => this.#localisation.waiting?.then(() => this.getUpdateComplete()) ?? done);
  }

  /** The community client, provided by `<kring-community>`; an update named `client` follows a change. */
  protected get client(): CommunityClientApi | undefined {
    return this.#community.client;
  }

  /** The community's settings; an update named `config` follows a change. */
  protected get config(): KringConfig | undefined {
    return this.#community.config;
  }

  /**
   * True when no `<kring-community>` answered within `NOT_CONNECTED_AFTER_MS`: the element then says
   * so instead of loading forever (a community elsewhere on the page without `page`, or none at all).
   */
  protected get notConnected(): boolean {
    return this.#community.notConnected;
  }

  /** Attribute problems found on the last update, shown in the element and logged once each. */
  protected get attributeProblems(): string[] {
    return this.#problems.list;
  }

  /**
   * `lang`/`dir` for directory and community text (job titles, departments, badge criteria) shown in
   * this element: written in `<kring-community content-lang>` or the backend's content language.
   */
  protected get contentMarks(): ContentMarks {
    return this.#localisation.contentMarks;
  }

  /** The language to render in: a shipped one (en, nl, de, fr) or one the integrator registered. */
  protected get language(): Language {
    return this.#localisation.language;
  }

  /** What the element says instead of loading forever when it has no client (see `notConnected`). */
  protected get notConnectedMessage(): string {
    return this.#community.notConnectedMessage(this.language);
  }

  /** The element's whole content while no `<kring-community>` answers (see `notConnected`). */
  protected renderNotConnected(): TemplateResult {
    // Not a live region: thirteen elements saying it at once would be chatter; it is read in place.
    return html`<p part="problem" class="not-connected">${this.notConnectedMessage}</p>`;
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
    return this.#problems.check(attribute, value, allowed, fallback);
  }

  /** Logs a configuration problem once and keeps it for rendering. */
  protected reportProblem(message: string): void {
    this.#problems.report(message);
  }

  /** Clears problems before re-validating attributes. */
  protected clearProblems(): void {
    this.#problems.clear();
  }
}
