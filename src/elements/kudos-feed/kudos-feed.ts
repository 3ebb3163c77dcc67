import { PersonHoverController, personHoverStyles } from '../shared/person-hover.js';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { Task, TaskStatus, initialState } from '@lit/task';
import { property } from 'lit/decorators/property.js';
import { state } from 'lit/decorators/state.js';
import { repeat } from 'lit/directives/repeat.js';
import { virtualize, virtualizerRef, type VirtualizerHostElement } from '@lit-labs/virtualizer/virtualize.js';
import { KringElement } from '../shared/kring-element.js';
import { ClientChangesController } from '../shared/client-changes.js';
import { PendingWritesController, pendingWritesStyles } from '../shared/pending-writes.js';
import { PopoverController } from '../shared/popover-controller.js';
import { ReactorsController } from '../shared/reactors-controller.js';
import { toBackendError } from '../../errors.js';
import { topHeadingLevel } from '../shared/heading-level.js';
import type { Kudos, KudosQuery, Page, Person, ReactionType } from '../../model.js';
import type { ClientChange, CommunityClientApi, PendingKudos } from '../../client/types.js';
import { translate, type MessageParams } from '../../i18n/index.js';
import { kudosStrings, type KudosStringKey } from '../../i18n/kudos.js';
import { compareNewestFirst, kudosMatchesFilter, type KudosFilter } from '../../kudos/filter.js';
import { avatarStyles } from '../shared/small-avatar.js';
import { iconStyles } from '../shared/icons.js';
import { kudosFeedStyles } from './kudos-feed.styles.js';
import { KringKudosSentEvent } from '../../events/kudos.js';
import {
  listOfNames,
  personName,
  renderKudosItem,
  renderPendingItem,
  type ItemContext,
} from '../shared/kudos-item.js';
import { requireElement } from '../../autoload.js';
import { focusContainerOf, focusIfLost } from '../shared/async-focus.js';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 1000;
/** Feeds longer than this are virtualised. */
export const VIRTUALIZE_ABOVE = 50;

type FeedStatus = 'idle' | 'loading' | 'error' | 'ready' | 'unavailable';

/** The first page as loaded, with what it was read for; `unavailable` when the backend has no kudos. */
type FirstPage = { me: Person; filter: KudosFilter; page: Page<Kudos> } | 'unavailable';

/**
 * Kudos, newest first, with reactions, paging and live updates. Long feeds are virtualised:
 * only the items near the viewport are in the DOM, however many are loaded.
 *
 * @tagname kring-kudos-feed
 * @summary A feed of kudos with reactions, optionally with a composer on top.
 *
 * @csspart pending-writes - Unsent changes of this kind: waiting for the network, or refused by the server.
 * @csspart pending-write - One unsent change (`data-state`: `sending`, `waiting` or `failed`).
 * @csspart pending-write-what - What the change was.
 * @csspart pending-write-state - Its state, with the server's message when refused.
 * @csspart write-retry - Sends a refused change again.
 * @csspart write-discard - Drops an unsent change.
 * @csspart pending-write-expired - Changes dropped after waiting too long (7 days).
 * @csspart write-dismiss - Hides the notice about dropped changes.
 * @csspart composer - The composer shown with `compose`.
 * @csspart feed - The list of kudos (ARIA feed).
 * @csspart item - One kudos (article); unsent ones also have `pending-item`.
 * @csspart pending-item - A kudos that is sending or was not sent.
 * @csspart card - The visual card of an item.
 * @csspart people - Giver → receivers line (the item's heading).
 * @csspart giver - The giver.
 * @csspart receiver - A receiver.
 * @csspart avatar - An avatar.
 * @csspart name - A person's name.
 * @csspart person-button - A giver's or receiver's photo and name: opens their hover card.
 * @csspart person-card - The hover card of a giver or receiver (their full card, with give kudos).
 * @csspart give-kudos - The hover card's "give kudos" button.
 * @csspart close-card - The hover card's close button.
 * @csspart meta - Value tag and time.
 * @csspart value - The company value tag.
 * @csspart time - The relative time (focusable; shows the exact time).
 * @csspart exact-time - The exact time bubble.
 * @csspart message - The message.
 * @csspart message-link - A link in a message.
 * @csspart message-mention - An @mention in a message.
 * @csspart reactions - The reaction buttons.
 * @csspart reaction - One reaction toggle.
 * @csspart reaction-count - Its count.
 * @csspart reactors-toggle - The "who reacted?" button.
 * @csspart reactors - Who reacted.
 * @csspart pending-status - "Sending…" / "Not sent" line.
 * @csspart retry - Retry a send (or the load).
 * @csspart discard - Discard an unsent kudos.
 * @csspart skeleton - A loading placeholder.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart load-more - The "load more" button.
 * @csspart problem - An attribute problem.
 *
 * @event {KringKudosSentEvent} kring-kudos-sent - A kudos that had finally failed was retried from the feed and delivered; `detail` has `kudos` and `input`.
 *
 * @cssproperty --kring-color-accent - Links and pressed reactions; focus rings when no focus colour is set.
 * @cssproperty --kring-color-focus - Focus rings.
 * @cssproperty --kring-color-surface - Card background.
 * @cssproperty --kring-color-border - Card borders.
 * @cssproperty --kring-color-text-muted - Secondary text.
 * @cssproperty --kring-color-danger - "Not sent" and errors.
 * @cssproperty --kring-radius - Corner radius.
 * @cssproperty --kring-kudos-gap - Space between items.
 * @cssproperty --kring-avatar-size - Avatar size.
 */
export class KringKudosFeed extends KringElement {
  static override styles = [
    ...avatarStyles,
    kudosFeedStyles,
    pendingWritesStyles,
    personHoverStyles,
    iconStyles,
  ];

  /** A giver's or receiver's name opens their card. */
  private readonly hover = new PersonHoverController(this, {
    language: () => this.language,
    client: () => this.client,
  });

  /** Reactions not yet confirmed (kudos themselves show in the feed, as items). */
  protected readonly pendingWrites = new PendingWritesController(
    this,
    () => this.client,
    () => this.language,
    ['react'],
  );

  /** Only kudos received by this person (id, or `me`). */
  @property({ attribute: 'person' }) person?: string;
  /** Only kudos given by this person (id, or `me`). */
  @property({ attribute: 'from' }) from?: string;
  /** Only kudos given or received by people of this department. */
  @property({ attribute: 'department' }) department?: string;
  /** Only kudos tagged with this company value. */
  @property({ attribute: 'value' }) value?: string;
  /** Page size for loading and "load more" (1–1000, default 20). */
  @property({ attribute: 'limit' }) limit?: string;
  /** Shows a composer on top of the feed. */
  @property({ type: Boolean, attribute: 'compose' }) compose = false;
  /** Level (2–6) of each kudos' "giver → receivers" heading, so the feed fits the page's outline. Default 3. */
  @property({ attribute: 'heading-level' }) headingLevel?: string;

  @state() private items: Kudos[] = [];
  @state() private nextCursor?: string;
  @state() private total?: number;
  @state() private loadingMore = false;
  @state() private loadMoreFailed = false;
  @state() private people = new Map<string, Person | null>();
  @state() private pending: PendingKudos[] = [];
  @state() private me?: Person;

  /** The "who reacted?" panels. */
  private readonly reactors = new ReactorsController(
    this,
    () => this.client,
    () => this.language,
  );

  /** The exact-time bubbles of the items. */
  private readonly popovers = new PopoverController(this);

  protected readonly changes = new ClientChangesController(
    this,
    () => this.client,
    ['outbox', 'kudos', 'people'],
    (change) => this.onChange(change),
    () => this.refreshPending(),
  );

  /**
   * The first page: runs again when the client or the filter changes (not while there is no client:
   * what was shown stays until the next one), and only the newest run is shown.
   */
  private readonly firstPage = new Task(this, {
    args: () => [this.client, this.person, this.from, this.department, this.value, this.pageSize] as const,
    argsEqual: (previous, next) => !next[0] || previous.every((arg, index) => arg === next[index]),
    task: ([client, , , , , pageSize], { signal }) => this.readFirstPage(client, pageSize, signal),
    onComplete: (loaded) => this.showFirstPage(loaded),
    onError: () => this.announce(this.t('feed.error')),
  });

  /** "Load more": a reload aborts it, and an aborted page is never shown (see `readNextPage`). */
  private readonly nextPage = new Task(this, {
    autoRun: false,
    args: () => [this.client, this.nextCursor] as const,
    task: ([client, cursor], { signal }) => this.readNextPage(client, cursor, signal),
    onComplete: (page) => this.showNextPage(page),
    onError: (error) => {
      // Aborted by a reload, which shows its own page.
      if (toBackendError(error).kind === 'aborted') return;
      this.loadingMore = false;
      this.loadMoreFailed = true;
      this.announce(this.t('feed.loadMoreError'));
    },
  });

  private filter: KudosFilter = {};
  private arrivedWhileLoading: Kudos[] = [];

  private get status(): FeedStatus {
    switch (this.firstPage.status) {
      case TaskStatus.INITIAL:
        return 'idle';
      case TaskStatus.PENDING:
        return 'loading';
      case TaskStatus.ERROR:
        return 'error';
      case TaskStatus.COMPLETE:
        return this.firstPage.value === 'unavailable' ? 'unavailable' : 'ready';
    }
  }

  /** Items loaded so far (delivered kudos, newest first). */
  get loadedCount(): number {
    return this.items.length;
  }

  /** Reloads the first page. */
  reload(): Promise<void> {
    return this.firstPage.run();
  }

  /** Loads the next page, if there is one. */
  async loadMore(): Promise<void> {
    if (!this.client || !this.nextCursor || this.loadingMore || this.status !== 'ready') return;
    this.loadingMore = true;
    this.loadMoreFailed = false;
    await this.nextPage.run();
  }

  private async readNextPage(
    client: CommunityClientApi | undefined,
    cursor: string | undefined,
    signal: AbortSignal,
  ): Promise<Page<Kudos>> {
    if (!client || !cursor) return { items: [] };
    const page = await client.listKudos({ ...this.filter, limit: this.pageSize, cursor }, { signal });
    // A reload started meanwhile: its page is shown, not this one (also when the backend ignored the abort).
    signal.throwIfAborted();
    await this.resolvePeople(page.items);
    signal.throwIfAborted();
    return page;
  }

  private showNextPage(page: Page<Kudos>): void {
    const known = new Set(this.items.map((kudos) => kudos.id));
    const added = page.items.filter((kudos) => !known.has(kudos.id));
    const firstNew = this.items.length;
    this.items = [...this.items, ...added];
    this.nextCursor = page.next;
    this.total = page.total ?? this.total;
    this.loadingMore = false;
    this.announce(this.t('feed.loadedMore', { count: added.length }));
    // The new kudos come before the button: a keyboard user continues reading at the first of them,
    // or stays on the button when nothing came (the button goes at the end of the feed).
    if (added.length && this.loadMoreHadFocus()) void this.focusItem(firstNew);
    else if (!page.next) void focusIfLost(this, '[role="feed"]');
  }

  /** Scrolls a loaded item into view (virtualised items need the virtualizer to place them). */
  async scrollToItem(index: number): Promise<void> {
    await this.updateComplete;
    const host = this.renderRoot.querySelector('[role="feed"]') as VirtualizerHostElement | null;
    const virtualizer = host?.[virtualizerRef];
    if (!virtualizer) {
      host?.querySelectorAll('article')[index]?.scrollIntoView({ block: 'start' });
      return;
    }
    virtualizer.element(index)?.scrollIntoView({ block: 'start' });
    // `layoutComplete` only settles when a layout happens; when nothing moved, two frames suffice.
    const twoFrames = new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    await Promise.race([virtualizer.layoutComplete?.catch(() => undefined), twoFrames]);
  }

  private pageSize = DEFAULT_PAGE_SIZE;

  private validatePageSize(): number {
    if (this.limit == null || this.limit === '') return DEFAULT_PAGE_SIZE;
    const size = Number(this.limit);
    if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
      this.reportProblem(
        `<${this.localName}> limit="${this.limit}" is not valid; use a whole number from 1 to ${MAX_PAGE_SIZE}.`,
      );
      return DEFAULT_PAGE_SIZE;
    }
    return size;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const filterChanged = (['person', 'from', 'department', 'value', 'limit'] as const).some((key) =>
      changed.has(key),
    );
    if (filterChanged) {
      this.clearProblems();
      this.pageSize = this.validatePageSize();
    }
  }

  private async readFirstPage(
    client: CommunityClientApi | undefined,
    pageSize: number,
    signal: AbortSignal,
  ): Promise<FirstPage | typeof initialState> {
    if (!client) return initialState;
    if (!client.capabilities.kudos) return 'unavailable';
    this.nextPage.abort();
    this.arrivedWhileLoading = [];
    this.loadingMore = false;
    this.loadMoreFailed = false;
    this.reactors.closeAll();
    const me = await client.currentUser({ signal });
    const filter = this.resolveFilter(me);
    const page = await client.listKudos({ ...filter, limit: pageSize } satisfies KudosQuery, { signal });
    await this.resolvePeople(page.items);
    return { me, filter, page };
  }

  private showFirstPage(loaded: FirstPage): void {
    if (loaded === 'unavailable') return;
    this.me = loaded.me;
    this.filter = loaded.filter;
    this.items = loaded.page.items;
    this.nextCursor = loaded.page.next;
    this.total = loaded.page.total;
    // The task reports itself complete right after this: merge what arrived during the load then.
    const arrived = this.arrivedWhileLoading.splice(0);
    void Promise.resolve().then(async () => {
      this.refreshPending();
      for (const kudos of arrived) await this.receive(kudos);
    });
  }

  private resolveFilter(me: Person): KudosFilter {
    const own = (id?: string) => (id === 'me' ? me.id : id || undefined);
    return {
      person: own(this.person),
      from: own(this.from),
      department: this.department || undefined,
      value: this.value || undefined,
    };
  }

  /** Fetches the people an item shows (the client batches and caches the lookups). */
  private async resolvePeople(kudos: readonly Pick<Kudos, 'from' | 'to'>[]): Promise<void> {
    const client = this.client;
    if (!client) return;
    const ids = [...new Set(kudos.flatMap((item) => [item.from, ...item.to]))].filter(
      (id) => !this.people.has(id),
    );
    if (!ids.length) return;
    try {
      const found = await client.people(ids);
      const people = new Map(this.people);
      ids.forEach((id, index) => people.set(id, found[index] ?? null));
      this.people = people;
    } catch {
      // Names show as "unknown colleague" until a later lookup succeeds.
    }
  }

  /** Re-reads people whose record changed (a new name or photo); the old one shows meanwhile. */
  private async refreshPeople(ids: string[]): Promise<void> {
    try {
      const found = await this.client!.people(ids);
      const people = new Map(this.people);
      ids.forEach((id, index) => people.set(id, found[index] ?? people.get(id) ?? null));
      this.people = people;
    } catch {
      // Keep what we had.
    }
  }

  private onChange(change: ClientChange): void {
    if (change.topic === 'outbox') {
      this.refreshPending();
    } else if (change.topic === 'kudos' && change.kudos) {
      void this.receive(change.kudos);
    } else if (change.topic === 'people' && change.ids?.some((id) => this.people.has(id))) {
      void this.refreshPeople(change.ids.filter((id) => this.people.has(id)));
    }
  }

  /** A kudos given or updated anywhere on the page: update it in place, or insert it if it matches. */
  private async receive(kudos: Kudos): Promise<void> {
    if (this.mergeAfterLoad(kudos) || this.status !== 'ready') return;
    const index = this.items.findIndex((item) => item.id === kudos.id);
    if (index >= 0) {
      const items = [...this.items];
      items[index] = kudos;
      this.items = items;
      return;
    }
    await this.resolvePeople([kudos]);
    // A reload may have started meanwhile (it merges the kudos when done) or shown it already.
    if (this.mergeAfterLoad(kudos) || this.status !== 'ready') return;
    if (this.items.some((item) => item.id === kudos.id)) return;
    if (!kudosMatchesFilter(kudos, this.filter, (id) => this.people.get(id) ?? undefined)) return;
    this.items = [...this.items, kudos].sort(compareNewestFirst);
    if (this.total !== undefined) this.total += 1;
    // Your own kudos is confirmed by the composer that sent it: one announcement, not two.
    if (kudos.from === this.me?.id) return;
    this.announce(
      this.t('feed.newKudos', {
        giver: personName(this.itemContext, kudos.from),
        receivers: listOfNames(
          this.language,
          kudos.to.map((id) => personName(this.itemContext, id)),
        ),
      }),
    );
  }

  /** The page being loaded may have been read before this kudos existed: merge it afterwards. */
  private mergeAfterLoad(kudos: Kudos): boolean {
    if (this.status !== 'loading') return false;
    this.arrivedWhileLoading.push(kudos);
    return true;
  }

  private refreshPending(): void {
    const client = this.client;
    if (!client || !this.me) {
      this.pending = [];
      return;
    }
    const giverId = this.me.id;
    const entries = client.pendingKudos();
    // With its own composer the feed shows every unsent kudos: the composer hands them to the feed,
    // so one that does not match the filter must still be visible with retry and discard.
    this.pending = entries.filter((entry) => {
      if (this.compose) return true;
      return kudosMatchesFilter(
        { ...entry.input, from: giverId },
        this.filter,
        (id) => this.people.get(id) ?? undefined,
      );
    });
    void this.resolvePeople(entries.map((entry) => ({ from: giverId, to: entry.input.to })));
  }

  private async react(kudos: Kudos, reaction: ReactionType): Promise<void> {
    const client = this.client;
    if (!client) return;
    const toggle = client.toggleReaction(kudos, reaction);
    this.replaceItem(toggle.shown);
    try {
      const updated = await toggle.saved;
      this.replaceItem(updated);
      this.reactors.refresh(updated);
    } catch {
      // The client dropped the refused write; the button goes back as it was and the user is told.
      const latest = this.items.find((item) => item.id === kudos.id);
      if (latest) this.replaceItem(toggle.undo(latest));
      this.announce(this.t('reactions.error'));
    }
  }

  private replaceItem(kudos: Kudos): void {
    this.items = this.items.map((item) => (item.id === kudos.id ? kudos : item));
  }

  /**
   * Progress shows through `outbox` changes; a final failure shows as "not sent" again. A kudos that
   * had finally failed has no pending send left, so the feed fires its `kring-kudos-sent` (the client
   * records the activity); a waiting one is still reported by the send that queued it.
   */
  private retry(entry: PendingKudos): void {
    const client = this.client;
    if (!client) return;
    const wasFailed = entry.state === 'failed';
    const input = entry.input;
    const pendingItem = `[data-outbox-id="${CSS.escape(entry.id)}"]`;
    (client.retryWrite(entry.id) as Promise<Kudos>).then(
      (kudos) => {
        // The unsent item had the focus and is gone now: the kudos it became, or the feed, takes it.
        void focusIfLost(this, `article[data-kudos-id="${CSS.escape(kudos.id)}"]`, '[role="feed"]');
        if (!wasFailed) return;
        this.dispatchEvent(new KringKudosSentEvent({ kudos, input }));
      },
      () => void focusIfLost(this, pendingItem, '[role="feed"]'),
    );
    // Retry and Discard go while it sends: the unsent item itself takes the focus from them now.
    focusContainerOf(this, pendingItem);
  }

  private discard(entry: PendingKudos): void {
    this.client?.discardWrite(entry.id);
    this.announce(this.t('item.discarded'));
    // Keep keyboard focus in the feed after the item and its buttons disappear.
    this.updateComplete.then(() =>
      (this.renderRoot.querySelector('[role="feed"]') as HTMLElement | null)?.focus(),
    );
  }

  private t(key: KudosStringKey, params?: MessageParams): string {
    return translate(kudosStrings, this.language, key, params);
  }

  private get itemContext(): ItemContext {
    return {
      language: this.language,
      contentMarks: this.contentMarks,
      now: new Date(),
      person: (id) => this.people.get(id),
      react: (kudos, reaction) => void this.react(kudos, reaction),
      toggleReactors: (kudos) => this.reactors.toggle(kudos),
      reactors: (id) => this.reactors.get(id),
      retry: (entry) => this.retry(entry),
      discard: (entry) => this.discard(entry),
      popovers: this.popovers,
      headingLevel: topHeadingLevel(this.headingLevel, 3),
      hover: this.hover,
    };
  }

  private renderComposer(): TemplateResult | typeof nothing {
    if (!this.compose || this.status === 'unavailable') return nothing;
    const presetTo = this.person && this.person !== 'me' ? this.person : undefined;
    requireElement('kring-kudos-composer');
    return html`<kring-kudos-composer
      class="composer"
      part="composer"
      hide-pending
      to=${presetTo ?? nothing}
      value=${this.value || nothing}
    ></kring-kudos-composer>`;
  }

  private renderSkeleton(): TemplateResult {
    // Not a live region: the first load is no news (one announcement queue, no load chatter).
    return html`<div class="visually-hidden">${this.t('feed.loading')}</div>
      ${[0, 1, 2].map(
        () =>
          html`<div class="skeleton" part="skeleton" aria-hidden="true">
            <div class="bone short"></div>
            <div class="bone long"></div>
            <div class="bone"></div>
          </div>`,
      )}`;
  }

  private renderBody(): TemplateResult | typeof nothing {
    switch (this.status) {
      case 'idle':
      case 'loading':
        return this.renderSkeleton();
      case 'unavailable':
        return html`<p class="notice" part="empty">${this.t('feed.noCapability')}</p>`;
      case 'error':
        return html`<div class="notice error" part="error">
          <p>${this.t('feed.error')}</p>
          <button type="button" class="action primary" part="retry" @click=${() => void this.firstPage.run()}>
            ${this.t('feed.retry')}
          </button>
        </div>`;
      case 'ready':
        return this.renderFeed();
    }
  }

  /** ARIA feed keys: Page Down / Page Up move focus to the next / previous kudos. */
  private onFeedKeyDown(event: KeyboardEvent): void {
    if (event.key !== 'PageDown' && event.key !== 'PageUp') return;
    const article = event
      .composedPath()
      .find((node) => node instanceof HTMLElement && node.localName === 'article') as HTMLElement | undefined;
    if (!article) return;
    event.preventDefault();
    const index = Number(article.getAttribute('aria-posinset')) - 1 + (event.key === 'PageDown' ? 1 : -1);
    if (index < 0 || index >= this.items.length) return;
    void this.focusItem(index);
  }

  private loadMoreHadFocus(): boolean {
    const focused = this.shadowRoot?.activeElement;
    return !!focused && focused.getAttribute('part') === 'load-more';
  }

  /** Brings an item into view (rendering it if virtualised) and focuses it. */
  async focusItem(index: number): Promise<void> {
    await this.scrollToItem(index);
    const selector = `article[aria-posinset="${index + 1}"]`;
    let target = this.renderRoot.querySelector<HTMLElement>(selector);
    for (let frame = 0; !target && frame < 10; frame++) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      target = this.renderRoot.querySelector<HTMLElement>(selector);
    }
    target?.focus();
  }

  /**
   * Short feeds render every item (all in the DOM: find-in-page and screen readers see them all);
   * long ones are virtualised so the DOM stays bounded however many items are loaded.
   */
  private renderList(ctx: ItemContext, setSize: number): TemplateResult | typeof nothing {
    if (!this.items.length) return nothing;
    const label = this.t('feed.label');
    const busy = this.loadingMore ? 'true' : 'false';
    const renderItem = (kudos: Kudos, index: number) => renderKudosItem(ctx, kudos, index, setSize);
    if (this.items.length <= VIRTUALIZE_ABOVE) {
      return html`<div
        role="feed"
        part="feed"
        tabindex="-1"
        aria-label=${label}
        aria-busy=${busy}
        @keydown=${this.onFeedKeyDown}
      >
        ${repeat(this.items, (kudos) => kudos.id, renderItem)}
      </div>`;
    }
    return html`<div
      role="feed"
      part="feed"
      class="virtual"
      tabindex="-1"
      aria-label=${label}
      aria-busy=${busy}
      @keydown=${this.onFeedKeyDown}
    >
      ${virtualize({ items: this.items, keyFunction: (kudos: Kudos) => kudos.id, renderItem })}
    </div>`;
  }

  private renderFeed(): TemplateResult {
    const ctx = this.itemContext;
    const giverId = this.me?.id ?? '';
    const setSize = this.total ?? (this.nextCursor ? -1 : this.items.length);
    const filtered = !!(this.person || this.from || this.department || this.value);
    return html`
      ${this.pending.length
        ? html`<div class="pending-list" role="list" aria-label=${this.t('composer.pendingLabel')}>
            ${this.pending.map(
              (entry) => html`<div role="listitem">${renderPendingItem(ctx, entry, giverId)}</div>`,
            )}
          </div>`
        : nothing}
      ${this.items.length === 0 && this.pending.length === 0
        ? html`<p class="notice" part="empty">${this.t(filtered ? 'feed.emptyFiltered' : 'feed.empty')}</p>`
        : nothing}
      ${this.renderList(ctx, setSize)}
      ${this.nextCursor
        ? html`<div class="more">
            ${this.loadMoreFailed ? html`<span>${this.t('feed.loadMoreError')}</span>` : nothing}
            <button type="button" class="action" part="load-more" @click=${() => void this.loadMore()}>
              ${this.t(
                this.loadingMore ? 'feed.loadingMore' : this.loadMoreFailed ? 'feed.retry' : 'feed.loadMore',
              )}
            </button>
          </div>`
        : nothing}
    `;
  }

  override render() {
    if (this.notConnected) return this.renderNotConnected();
    return html`
      ${this.attributeProblems.map((problem) => html`<p class="problem" part="problem">${problem}</p>`)}
      ${this.renderComposer()} ${this.pendingWrites.render()} ${this.renderBody()} ${this.hover.card()}
    `;
  }
}
