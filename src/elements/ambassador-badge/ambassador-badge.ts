import { html, nothing } from 'lit';
import { property } from 'lit/decorators/property.js';
import { Task } from '@lit/task';
import { KringElement } from '../shared/kring-element.js';
import { ClientChangesController } from '../shared/client-changes.js';
import { PopoverController } from '../shared/popover-controller.js';
import { fitInViewport } from '../shared/fit-in-viewport.js';
import { AMBASSADOR_ROLES, type AmbassadorRole, type BadgeAward, type Person } from '../../model.js';
import { growthStrings, type GrowthKey } from '../../i18n/growth.js';
import { formatDate, translate, type MessageParams } from '../../i18n/index.js';
import { highestAwards } from '../../ambassadors/awards.js';
import { badgeName, levelRequirements, recognisedCriterionAmount } from '../../ambassadors/labels.js';
import { buildOpenBadgeCredential, openBadgeFileName } from '../../ambassadors/open-badges.js';
import { downloadJson } from '../../ambassadors/download.js';
import { badgeEmblem } from '../shared/role-icons.js';
import { ambassadorBadgeStyles } from './ambassador-badge.styles.js';
import { KringBadgeDownloadEvent } from '../../events/ambassadors.js';
import { allowedValue } from '../../attribute-values.js';

export const BADGE_SIZES = ['s', 'm', 'l'] as const;
export type BadgeSize = (typeof BADGE_SIZES)[number];

interface BadgeData {
  holder: Person | null;
  awards: BadgeAward[];
  viewerId?: string;
}

let nextInstance = 0;

/**
 * A person's ambassador badges: one per role at its highest level, each a keyboard-reachable
 * button named like "Writer, champion level", with a distinct icon per role and a colour and pip
 * count per level. Focus or hover shows a popover with the criteria met and the date awarded;
 * Escape closes it. Holders can download a badge as an Open Badges 3.0 credential.
 *
 * @tagname kring-ambassador-badge
 * @summary Shows ambassador badges with details and Open Badges export.
 * @csspart list - The list of badges.
 * @csspart item - One badge with its popover.
 * @csspart badge - The badge button.
 * @csspart popover - Details shown on focus or hover.
 * @csspart download - The "Download as Open Badge" button.
 * @csspart empty - The "no badges yet" text (sizes m and l).
 * @csspart problem - Error and configuration messages.
 * @csspart retry - Retry button in the error state.
 * @csspart loading - The placeholder shown while the badges load (busy, with a hidden label).
 * @cssproperty --kring-color-badge-starter - Rim of starter badges (a disc; default bronze).
 * @cssproperty --kring-color-badge-active - Rim of active badges (a hexagon; default silver).
 * @cssproperty --kring-color-badge-champion - Rim of champion badges (a rosette; default gold).
 * @cssproperty --kring-color-badge-presenter - Disc behind the presenter icon (likewise `-writer`, `-responder`, `-connector`, `-recruiter`).
 * @cssproperty --kring-color-on-badge - Icon and level pips on the disc.
 * @cssproperty --kring-color-surface - Popover background.
 * @cssproperty --kring-color-text - Popover text.
 * @cssproperty --kring-color-border - Popover border.
 * @event {KringBadgeDownloadEvent} kring-badge-download - A badge was downloaded; `detail.award`.
 */
export class KringAmbassadorBadge extends KringElement {
  static override styles = ambassadorBadgeStyles;

  /** Whose badges: a person id, an e-mail address or `me`. */
  @property({ attribute: 'person' }) person = 'me';
  /**
   * One role only (`presenter`, `writer`, `responder`, `connector`, `recruiter`); empty shows all of
   * the person's badges. Write it as `role` or `badge-role`: a `role` attribute is moved to
   * `badge-role` on connect, because on the host it would be read as an (invalid) ARIA role.
   */
  @property({ attribute: 'badge-role', reflect: true }) badgeRole = '';
  /** `s` (profile cards, lists), `m` (default) or `l` (with the name visible). */
  @property({ attribute: 'size', reflect: true }) size: string = 'm';

  private readonly idPrefix = `kring-badge-${++nextInstance}`;
  /** The details popover of each badge: hover or focus content per WCAG 1.4.13. */
  private readonly popovers = new PopoverController(this);

  protected readonly changes = new ClientChangesController(
    this,
    () => this.client,
    ['ambassadors'],
    () => void this.badgesTask.run(),
  );

  private readonly badgesTask = new Task(this, {
    task: async ([client, person], { signal }): Promise<BadgeData | undefined> => {
      if (!client || !person) return undefined;
      const [holder, viewer] = await Promise.all([
        client.person(person, { signal }),
        client.currentUser({ signal }).catch(() => undefined),
      ]);
      if (!holder) return { holder: null, awards: [], viewerId: viewer?.id };
      const awards = await client.listBadges(holder.id, { signal });
      return { holder, awards, viewerId: viewer?.id };
    },
    args: () => [this.client, this.person.trim()] as const,
  });

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'role'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (name === 'role') {
      if (value && (AMBASSADOR_ROLES as readonly string[]).includes(value.trim())) {
        this.badgeRole = value.trim();
        this.removeAttribute('role');
      }
      return;
    }
    super.attributeChangedCallback(name, old, value);
  }

  protected override willUpdate(): void {
    this.clearProblems();
    this.checkAttribute('size', this.size, BADGE_SIZES, 'm');
    this.checkAttribute(
      'badge-role',
      this.requestedRole,
      AMBASSADOR_ROLES,
      undefined as unknown as AmbassadorRole,
    );
  }

  private t(key: GrowthKey, params?: MessageParams): string {
    return translate(growthStrings, this.language, key, params);
  }

  private get requestedRole(): string {
    return this.badgeRole.trim();
  }

  private get roleFilter(): AmbassadorRole | undefined {
    return allowedValue(this.requestedRole, AMBASSADOR_ROLES);
  }

  private get sizeValue(): BadgeSize {
    return allowedValue(this.size, BADGE_SIZES) ?? 'm';
  }

  protected override render() {
    if (this.notConnected) return this.renderNotConnected();
    const problems = this.attributeProblems.length
      ? html`<p part="problem" role="alert">${this.attributeProblems.join(' ')}</p>`
      : nothing;
    if (!this.client) return html`${problems}${this.renderLoading()}`;
    return html`${problems}${this.badgesTask.render({
      initial: () => this.renderLoading(),
      pending: () =>
        this.badgesTask.value ? this.renderBadges(this.badgesTask.value) : this.renderLoading(),
      complete: (data) => (data ? this.renderBadges(data) : nothing),
      error: () => this.renderError(),
    })}`;
  }

  private renderLoading() {
    return html`<span part="loading" aria-busy="true"
      ><span class="skeleton" aria-hidden="true"></span
      ><span class="visually-hidden">${this.t('badge.loading')}</span></span
    >`;
  }

  private renderError() {
    return html`<p part="problem" role="alert">
      ${this.t('error.load')}
      <button part="retry" type="button" @click=${() => void this.badgesTask.run()}>
        ${this.t('retry')}
      </button>
    </p>`;
  }

  private renderBadges(data: BadgeData) {
    const awards = highestAwards(data.awards, this.roleFilter);
    if (awards.length === 0) {
      // On a small badge row (profile cards) an empty state would be noise.
      return this.sizeValue === 's' ? nothing : html`<p part="empty">${this.t('badge.none')}</p>`;
    }
    return html`<ul part="list" role="list" aria-label=${this.t('badge.list')}>
      ${awards.map((award) => this.renderBadge(award, data))}
    </ul>`;
  }

  private renderBadge(award: BadgeAward, data: BadgeData) {
    const name = badgeName(this.language, award.role, award.level);
    const popoverId = `${this.idPrefix}-${award.id}`;
    const open = this.popovers.isOpen(award.id);
    const canDownload = data.holder !== null && data.viewerId === data.holder.id;
    const manual = award.awardedBy !== 'system';
    return html`<li
      part="item"
      @focusin=${() => this.popovers.focusIn(award.id)}
      @focusout=${(event: FocusEvent) => this.popovers.focusOut(award.id, event)}
      @pointerenter=${() => this.popovers.pointerEnter(award.id)}
      @pointerleave=${(event: PointerEvent) =>
        this.popovers.pointerLeave(award.id, event.currentTarget as Element)}
      @keydown=${(event: KeyboardEvent) => this.onKeydown(event, award.id)}
    >
      <button
        part="badge"
        type="button"
        class="level-${award.level}"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls=${popoverId}
        data-role=${award.role}
        data-level=${award.level}
        @click=${() => this.popovers.click(award.id)}
      >
        <span class="medal level-${award.level}">${badgeEmblem(award.role, award.level)}</span>
        <span class="label">${name}</span>
      </button>
      <div
        part="popover"
        id=${popoverId}
        role="group"
        aria-label=${this.t('badge.details', { name })}
        ?hidden=${!open}
      >
        <p class="popover-title">${name}</p>
        <p>${this.t('badge.awarded', { date: formatDate(this.language, award.awardedAt) })}</p>
        ${manual ? html`<p class="muted">${this.t('badge.awardedBy.manager')}</p>` : nothing}
        <p class="muted">${this.t(manual ? 'badge.criteriaLevel' : 'badge.criteriaMet')}</p>
        <ul>
          ${levelRequirements(this.language, award.role, award.level).map((item) => html`<li>${item}</li>`)}
        </ul>
        ${award.criteriaMet.length
          ? html`<p class="muted">${this.t('badge.counted')}</p>
              <ul>
                ${award.criteriaMet.map((criterion) => {
                  // Kring's own criteria are said in the reader's language; other text is the community's
                  // own words, marked with their language.
                  const own = recognisedCriterionAmount(this.language, criterion);
                  return own
                    ? html`<li>${own}</li>`
                    : html`<li
                        lang=${this.contentMarks.lang ?? nothing}
                        dir=${this.contentMarks.dir ?? nothing}
                      >
                        ${criterion}
                      </li>`;
                })}
              </ul>`
          : nothing}
        ${canDownload
          ? html`<button part="download" type="button" @click=${() => this.download(award, data.holder!)}>
              ${this.t('badge.download')}
            </button>`
          : nothing}
      </div>
    </li>`;
  }

  private onKeydown(event: KeyboardEvent, id: string): void {
    if (event.key !== 'Escape' || !this.popovers.isOpen(id)) return;
    event.stopPropagation();
    const button = this.renderRoot.querySelector<HTMLButtonElement>(
      `[aria-controls="${this.idPrefix}-${id}"]`,
    );
    const inside = this.shadowRoot?.activeElement;
    this.popovers.escape();
    // Focus inside the popover (Download) would vanish with it: back to the badge.
    if (inside && inside !== button && button?.closest('li')?.contains(inside)) button?.focus();
  }

  protected override updated(): void {
    const id = this.popovers.current;
    const popover = id ? this.shadowRoot?.getElementById(`${this.idPrefix}-${id}`) : null;
    if (popover) fitInViewport(popover);
  }

  private download(award: BadgeAward, holder: Person): void {
    const credential = buildOpenBadgeCredential({
      award,
      recipient: holder,
      organization: this.config?.organization,
      lang: this.language,
    });
    downloadJson(openBadgeFileName(award), credential, this.renderRoot as ShadowRoot);
    this.announce(this.t('badge.downloaded'));
    this.dispatchEvent(new KringBadgeDownloadEvent({ award }));
  }
}
