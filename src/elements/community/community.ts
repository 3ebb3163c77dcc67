import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators/property.js';
import { state } from 'lit/decorators/state.js';
import { ContextProvider, type Context } from '@lit/context';
import { clientContext, configContext, type KringConfig } from '../../context.js';
import type { CommunityClientApi } from '../../client/types.js';
import type { Backend } from '../../backends/backend.js';
import { createClient } from '../../client/community-client.js';
import { backendFactory, BackendConfigError } from '../../backends/registry.js';
import { configuredOptions, onConfigure } from '../../configure.js';
import { normaliseOrigins, originOf, pageOrigin } from '../../backends/http/origins.js';
import { resolveLanguage } from '../../i18n/index.js';
import { problemText } from '../shared/problem-text.js';
import { StringsController } from '../shared/strings-controller.js';
import { communityStyles } from './community.styles.js';
import { KringErrorEvent, KringReadyEvent } from '../../events/community.js';
import { allowedValue } from '../../attribute-values.js';

export const TRACKING_VALUES = ['on', 'off'] as const;
export type TrackingValue = (typeof TRACKING_VALUES)[number];

/**
 * A provider hosted on a plain element (the page's root), which has no controller lifecycle: `detach`
 * stops it answering requests. `host` and the two listeners are the base class's protected and public
 * members, so nothing private is reached into.
 */
class PageProvider<T> extends ContextProvider<Context<unknown, T | undefined>> {
  detach(): void {
    this.setValue(undefined);
    this.clearCallbacks();
    this.host.removeEventListener('context-request', this.onContextRequest);
    this.host.removeEventListener('context-provider', this.onProviderRequest);
  }
}

const pageProviderKey = Symbol.for('kring.pageProvider');
type PageHolder = Record<symbol, Element | undefined>;

/**
 * Connects the Kring elements inside it (or, with `page`, on the whole page) to one community backend.
 *
 * @tagname kring-community
 * @summary Provides the community client and settings to every Kring element below it or on the page.
 * @slot - Any content; Kring elements inside use this community.
 * @csspart message - A configuration or connection problem, shown in place of nothing.
 * @cssproperty --kring-color-danger - Border colour of problem messages.
 * @cssproperty --kring-color-danger-surface - Background of problem messages.
 * @cssproperty --kring-color-danger-text - Text colour of problem messages.
 * @event {KringReadyEvent} kring-ready - The backend is connected; `detail.client` is the community client.
 * @event {KringErrorEvent} kring-error - The backend could not be created; `detail.message` says why, `detail.attribute` names the attribute at fault (e.g. `backend`).
 */
export class KringCommunity extends LitElement {
  static override styles = communityStyles;

  /**
   * Which backend to talk to: `demo` (in-browser, the default), `rest`, `sharepoint` or `graph`, or a
   * name registered with `registerBackend`; in any case (`REST` is `rest`).
   */
  @property({ attribute: 'backend' }) backend?: string;

  /** Base URL of the REST API (`backend="rest"`), e.g. `/api/kring`. */
  @property({ attribute: 'endpoint' }) endpoint?: string;

  /** SharePoint site URL (`backend="sharepoint"` and `graph`). */
  @property({ attribute: 'site-url' }) siteUrl?: string;

  /**
   * Language for the elements that use this community: `en`, `nl`, `de`, `fr` or one registered with
   * `Kring.registerLanguage` (`de-AT` uses `de`). Defaults to the page's.
   */
  @property({ attribute: 'lang', reflect: true }) override lang = '';

  /**
   * Language the directory and community texts are written in (job titles, departments, badge
   * criteria), e.g. `nl`, when it is one for the whole organisation: the elements mark that text with
   * it (`lang`, and `dir` for a right-to-left language) where it differs from the language they render
   * in. Defaults to what the backend says (the demo's data is Dutch); unknown when neither says.
   */
  @property({ attribute: 'content-lang' }) contentLang?: string;

  /**
   * `on` records privacy-first activity; `off` sends no activity at all. Any case. Without the attribute,
   * `Kring.configure({ client: { tracking } })` decides (on when neither says).
   */
  @property({ attribute: 'tracking' }) tracking?: string;

  /** Provide to the whole document, for widgets in separate DOM subtrees (SharePoint web parts). */
  @property({ attribute: 'page', type: Boolean }) page = false;

  /** Organisation name, used as badge issuer and in reports. */
  @property({ attribute: 'organization-name' }) organizationName?: string;

  /** Organisation web address, used as badge issuer id. */
  @property({ attribute: 'organization-url' }) organizationUrl?: string;

  @state() private problem?: string;
  /** A configuration problem that keeps the backend from connecting; published to the elements. */
  #configProblem?: string;

  constructor() {
    super();
    // Renders again when languages or strings are registered later.
    new StringsController(this);
  }

  readonly #clientProvider = new ContextProvider(this, { context: clientContext });
  readonly #configProvider = new ContextProvider(this, { context: configContext });
  #pageProviders?: [PageProvider<CommunityClientApi>, PageProvider<KringConfig>];
  #client?: CommunityClientApi;
  /** The backend this element created from its attributes, disposed when it is let go. */
  #ownedBackend?: Backend;
  /**
   * Connects the backend the attributes name (a factory may load a chunk or ask for a token). A newer
   * connection, or a disconnect, aborts the one in flight; an aborted one disposes what it made.
   */
  #connection?: AbortController;
  #stopConfigureListener?: () => void;
  readonly #loggedProblems = new Set<string>();
  /** While the text of a problem to show loads (with the first problem): settles when it is here. */
  #problemToCome?: Promise<unknown>;

  /** The client this community created, once connected. */
  get communityClient(): CommunityClientApi | undefined {
    return this.#client;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#stopConfigureListener = onConfigure(() => void this.#connectBackend());
    // Moved in the page (a CMS re-rendering its blocks): disconnecting let go of everything, so take
    // it up again; the first connection is made by the first update.
    if (this.hasUpdated) {
      if (this.page) this.#updatePageProvider();
      void this.#connectBackend();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopConfigureListener?.();
    this.#releasePage();
    this.#connection?.abort();
    this.#client?.dispose();
    this.#client = undefined;
    this.#ownedBackend?.dispose?.();
    this.#ownedBackend = undefined;
    this.#clientProvider.setValue(undefined);
  }

  protected override willUpdate(changed: PropertyValues<KringCommunity>): void {
    const backendChanged = changed.has('backend') || changed.has('endpoint') || changed.has('siteUrl');
    if (changed.has('page')) this.#updatePageProvider();
    if (backendChanged || !this.hasUpdated) void this.#connectBackend();
    else if (changed.has('tracking') && this.#client) this.#client.tracking = this.#trackingEnabled;
    const configChanged = ['lang', 'contentLang', 'tracking', 'organizationName', 'organizationUrl'] as const;
    if (configChanged.some((key) => changed.has(key))) {
      this.#publishConfig();
    }
  }

  get #trackingEnabled(): boolean {
    // An absent attribute says nothing: it must not switch on what JavaScript switched off.
    if (this.tracking == null || this.tracking === '') return configuredOptions().client?.tracking ?? true;
    const tracking = allowedValue(this.tracking, TRACKING_VALUES);
    if (tracking) return tracking === 'on';
    this.#logProblem(
      `<kring-community> tracking="${this.tracking}" is not valid; use one of: ${TRACKING_VALUES.join(', ')}.`,
    );
    // An unknown value must not switch tracking on behind someone's back.
    return false;
  }

  #publishConfig(): void {
    const organization = this.organizationName
      ? { name: this.organizationName, url: this.organizationUrl || undefined }
      : configuredOptions().organization;
    const config: KringConfig = {
      lang: this.lang || undefined,
      contentLang: this.contentLang || undefined,
      tracking: this.#trackingEnabled,
      organization,
      problem: this.#configProblem,
    };
    this.#configProvider.setValue(config);
    this.#pageProviders?.[1].setValue(config);
  }

  #connectBackend(): Promise<void> {
    this.#connection?.abort();
    return this.#connect((this.#connection = new AbortController()).signal);
  }

  async #connect(signal: AbortSignal): Promise<void> {
    this.problem = undefined;
    this.#configProblem = undefined;
    this.#loggedProblems.clear();
    const options = configuredOptions();
    const name = this.backend || (options.backend ? '' : 'demo');
    let created: Backend | undefined;
    try {
      let backend: Backend;
      if (!name && options.backend) {
        backend = options.backend;
      } else {
        const untrusted = this.#untrustedOrigin(name, options.trustedOrigins);
        // The messages load with the first problem (a working page does not need them).
        if (untrusted)
          throw new BackendConfigError(
            (await import('./community-messages.js')).untrustedOriginMessage(...untrusted),
            untrusted[0],
          );
        const factory = backendFactory(name);
        if (!factory)
          throw new BackendConfigError(
            (await import('./community-messages.js')).unknownBackendMessage(name),
            'backend',
          );
        backend = created = await factory({ ...options, endpoint: this.endpoint, siteUrl: this.siteUrl });
      }
      if (signal.aborted) {
        created?.dispose?.();
        return;
      }
      if (options.wrapBackend) backend = options.wrapBackend(backend);
      this.#client?.dispose();
      this.#ownedBackend?.dispose?.();
      this.#ownedBackend = created;
      this.#client = createClient(backend, {
        storageKey: `kring:${backend.name}:${this.endpoint ?? this.siteUrl ?? ''}`,
        // A page that only reads (cards) does not download the outbox code.
        loadOutbox: 'when-needed',
        ...options.client,
        tracking: this.#trackingEnabled,
      });
      this.#clientProvider.setValue(this.#client);
      this.#pageProviders?.[0].setValue(this.#client);
      this.#publishConfig();
      this.dispatchEvent(new KringReadyEvent({ client: this.#client }));
    } catch (error) {
      if (signal.aborted) return;
      const reason = error instanceof Error ? error.message : String(error);
      // Name the element, so a console full of messages points at the right tag.
      const message = reason.startsWith('<kring-') ? reason : `<kring-community> ${reason}`;
      this.#logProblem(message);
      if (error instanceof BackendConfigError) {
        // Elements waiting for this community's client show the problem instead of loading.
        this.#configProblem = message;
        this.#publishConfig();
      }
      const attribute = error instanceof BackendConfigError ? error.attribute : undefined;
      this.dispatchEvent(new KringErrorEvent({ message, ...(attribute ? { attribute } : {}) }));
    }
  }

  /**
   * `endpoint` and `site-url` are where the backend sends the user's token, cookies, digest or CSRF
   * header; anyone who can edit the page can write them. Only the page's origin and those allowed in
   * JavaScript are accepted. For `graph`, `site-url` only names a site inside Graph: requests go to Graph.
   * The first attribute that is not, its value and origin (none when it is not an http(s) address).
   */
  #untrustedOrigin(
    name: string,
    allowed: readonly string[] | undefined,
  ): [attribute: string, value: string, origin: string | undefined] | undefined {
    const trusted = normaliseOrigins([pageOrigin(), ...(allowed ?? [])]);
    const attributes: [string, string | undefined][] = [['endpoint', this.endpoint]];
    if (name.toLowerCase() !== 'graph') attributes.push(['site-url', this.siteUrl]);
    for (const [attribute, value] of attributes) {
      if (!value) continue;
      const origin = originOf(value, document.baseURI);
      if (!origin || !trusted.has(origin)) return [attribute, value, origin];
    }
    return undefined;
  }

  #logProblem(message: string): void {
    this.problem = message;
    if (this.#loggedProblems.has(message)) return;
    this.#loggedProblems.add(message);
    console.error(`[kring] ${message}`);
  }

  /** With `page`, answer context requests from anywhere in the document; nested communities still win. */
  #updatePageProvider(): void {
    if (!this.page) return this.#releasePage();
    const holder = globalThis as unknown as PageHolder;
    const owner = holder[pageProviderKey];
    if (owner && owner !== this && owner.isConnected) {
      console.warn('[kring] Two <kring-community page> elements on one page; the first one is used.');
      return;
    }
    holder[pageProviderKey] = this;
    const root = document.body ?? document.documentElement;
    const clientProvider = new PageProvider<CommunityClientApi>(root, {
      context: clientContext,
      initialValue: this.#client,
    });
    const configProvider = new PageProvider<KringConfig>(root, { context: configContext });
    this.#pageProviders = [clientProvider, configProvider];
    // Plain-element hosts are not reactive hosts: announce ourselves so late consumers are answered.
    clientProvider.hostConnected();
    configProvider.hostConnected();
  }

  #releasePage(): void {
    const holder = globalThis as unknown as PageHolder;
    if (holder[pageProviderKey] === this) holder[pageProviderKey] = undefined;
    if (!this.#pageProviders) return;
    for (const provider of this.#pageProviders) provider.detach();
    this.#pageProviders = undefined;
  }

  /** Also waits for the text of a problem to show, and the update that shows it. */
  protected override getUpdateComplete(): Promise<boolean> {
    return super
      .getUpdateComplete()
      .then((done) => this.#problemToCome?.then(() => this.getUpdateComplete()) ?? done);
  }

  protected override render() {
    // Said once its text and its language's strings are here (they load on first use), never in English first.
    const text = this.problem
      ? problemText(resolveLanguage(this, this.lang), 'community.badAttribute', { problem: this.problem })
      : undefined;
    this.#problemToCome = undefined;
    // Could the text not load, the next render says the one sentence the core has (problem-text.ts); the
    // problem itself is in the console already, and the next problem tries the load again.
    const again = () => this.requestUpdate();
    if (typeof text === 'object') this.#problemToCome = text.then(again, again);
    return html`${typeof text === 'string' ? html`<p part="message" role="alert">${text}</p>` : nothing}<slot
      ></slot>`;
  }
}
