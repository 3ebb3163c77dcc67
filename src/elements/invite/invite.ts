import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators/property.js';
import { query } from 'lit/decorators/query.js';
import { state } from 'lit/decorators/state.js';
import { Task } from '@lit/task';
import { busyControl, focusIfLost } from '../shared/async-focus.js';
import { headingAt, topHeadingLevel } from '../shared/heading-level.js';
import { KringElement } from '../shared/kring-element.js';
import { ClientChangesController } from '../shared/client-changes.js';
import { PendingWritesController, pendingWritesStyles } from '../shared/pending-writes.js';
import { renderGrowthLoading, renderGrowthTask } from '../shared/growth-states.js';
import type { Invite, InviteLink, InviteQuota, InviteTreeNode, Person } from '../../model.js';
import { isBackendError } from '../../errors.js';
import { growthStrings, type GrowthKey } from '../../i18n/growth.js';
import { formatDate, translate, translatePlural, type MessageParams } from '../../i18n/index.js';
import { parseAllowedDomains, validateInviteEmail, type EmailProblem } from '../../invites/email.js';
import { DEFAULT_INVITE_QUOTA, effectiveQuota, isQuotaExhausted } from '../../invites/quota.js';
import { canResendInvite, canRevokeInvite, effectiveInviteStatus } from '../../invites/token.js';
import { inviteTreeFigures } from '../../invites/tree.js';
import { formatList } from '../../ambassadors/labels.js';
import { PageEventController } from '../shared/page-event.js';
import { inviteStyles } from './invite.styles.js';
import {
  KringInviteRevokedEvent,
  KringInviteSentEvent,
  type InviteRequestDetail,
} from '../../events/invites.js';
import type { KringPeopleChangeEvent } from '../../events/people.js';
import { requireElement } from '../../autoload.js';

/**
 * What a `kring-invite-request` asks for. The finder sends a `KringInviteRequestEvent`, but a page may
 * send a plain `CustomEvent` with a partial detail or none: only strings are taken from it.
 */
function inviteRequestDetail(event: Event): InviteRequestDetail {
  const detail = 'detail' in event ? event.detail : undefined;
  if (typeof detail !== 'object' || detail === null) return {};
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return {
    skill: 'skill' in detail ? text(detail.skill) : undefined,
    personId: 'personId' in detail ? text(detail.personId) : undefined,
  };
}

export const INVITE_MODES = ['email', 'directory'] as const;
export type InviteMode = (typeof INVITE_MODES)[number];

interface InviteData {
  quota: InviteQuota;
  invites: Invite[];
  /** The member's invite tree; absent when the backend could not give it. */
  tree?: InviteTreeNode;
  /** The inviter's mail domain: the default of `allowed-domains`. */
  myDomain?: string;
}

/** Ways an element can know "now"; injectable for stories and tests. */
type Clock = () => Date;

const INVITE_SKELETON = ['medium', 'long', 'short'] as const;

let nextInstance = 0;

/**
 * Invite a colleague by e-mail or from the directory, with an optional personal message and a
 * monthly quota; see and manage "my invitations"; share a personal invite link.
 *
 * @tagname kring-invite
 * @summary Invite colleagues into the community.
 * @csspart pending-writes - Unsent changes of this kind: waiting for the network, or refused by the server.
 * @csspart pending-write - One unsent change (`data-state`: `sending`, `waiting` or `failed`).
 * @csspart pending-write-what - What the change was.
 * @csspart pending-write-state - Its state, with the server's message when refused.
 * @csspart write-retry - Sends a refused change again.
 * @csspart write-discard - Drops an unsent change.
 * @csspart pending-write-expired - Changes dropped after waiting too long (7 days).
 * @csspart write-dismiss - Hides the notice about dropped changes.
 * @csspart refresh-error - Shown with the last data when bringing it up to date failed.
 * @csspart refresh-retry - Tries to bring the data up to date again.
 * @csspart panel - The outer box.
 * @csspart form - The invitation form.
 * @csspart mode - The e-mail / directory choice.
 * @csspart email - The e-mail field.
 * @csspart picker - The directory people picker.
 * @csspart message - The personal message field.
 * @csspart error - Validation and save errors.
 * @csspart quota - The remaining-invitations line.
 * @csspart send - The send button.
 * @csspart status - The outcome of the last action (also said through the page's announcement queue).
 * @csspart delivery-failed - On an open or expired invitation whose e-mail the mail server refused
 *   (Kring Server with SMTP); resending tries again. The server's reason is its title.
 * @csspart mine - The "my invitations" section.
 * @csspart invitation - One invitation in the list.
 * @csspart resend - A resend button.
 * @csspart revoke - A revoke button.
 * @csspart tree - "You brought in 4 colleagues, who brought in 7 more."
 * @csspart link - The personal invite link section.
 * @csspart copy - The copy-link button.
 * @csspart retry - Retry button in the error state.
 * @csspart problem - Shown instead of the content while no community is connected (no `<kring-community>`, or its backend failed).
 * @cssproperty --kring-color-surface - Background.
 * @cssproperty --kring-color-text - Text colour.
 * @cssproperty --kring-color-text-muted - Help text colour.
 * @cssproperty --kring-color-accent - Buttons and focus.
 * @cssproperty --kring-color-danger - Errors.
 * @cssproperty --kring-color-success - The "accepted" status.
 * @event {KringInviteSentEvent} kring-invite-sent - An invitation was sent; `detail.invite`.
 * @event {KringInviteRevokedEvent} kring-invite-revoked - An invitation was revoked; `detail.invite`.
 */
export class KringInvite extends KringElement {
  static override styles = [inviteStyles, pendingWritesStyles];

  /**
   * Company domains invitations may go to, comma-separated (`acme.nl, acme.be`). Unset: the inviter's own
   * mail domain (so `someone@gmail.com` is refused by default); `*` allows any domain.
   */
  @property({ attribute: 'allowed-domains' }) allowedDomains = '';
  /** Invitations per member per month shown and enforced here (the backend may be stricter). */
  @property({ attribute: 'quota', type: Number }) quota = DEFAULT_INVITE_QUOTA;
  /** Starting mode: `email` (default) or `directory`. */
  @property({ attribute: 'mode' }) mode: string = 'email';

  /** Level (2–6) of the element's top heading, so it fits the page's outline; sub-headings go one level deeper each. Default 2. */
  @property({ attribute: 'heading-level' }) headingLevel?: string;

  /** Clock used for statuses and dates. */
  @property({ attribute: false }) now: Clock = () => new Date();

  @state() private currentMode: InviteMode = 'email';
  @state() private emailProblem?: EmailProblem;
  @state() private personProblem?: string;
  @state() private sendError?: string;
  @state() private sending = false;
  @state() private chosenPerson?: Person;
  @state() private announcement = '';
  @state() private busyInvites = new Set<string>();
  @state() private link?: InviteLink;
  @state() private linkBusy = false;
  @state() private linkError?: string;

  @query('#email') private emailInput?: HTMLInputElement;
  @query('#message') private messageInput?: HTMLTextAreaElement;

  private readonly idPrefix = `kring-invite-${++nextInstance}`;

  /** Invitations and links not yet confirmed: waiting for the network, or refused. */
  protected readonly pendingWrites = new PendingWritesController(
    this,
    () => this.client,
    () => this.language,
    ['sendInvite', 'resendInvite', 'revokeInvite', 'createInviteLink'],
  );

  protected readonly changes = new ClientChangesController(
    this,
    () => this.client,
    ['invites'],
    () => void this.dataTask.run(),
  );

  private readonly dataTask = new Task(this, {
    task: async ([client], { signal }): Promise<InviteData | undefined> => {
      if (!client || !client.capabilities.invites) return undefined;
      const me = client.currentUser({ signal }).catch(() => undefined);
      const [quota, page, tree, myDomain] = await Promise.all([
        client.inviteQuota({ signal }),
        client.listInvites({ limit: 50 }, { signal }),
        // The tree is a bonus: without it the form still works.
        me.then((user) => (user ? client.inviteTree(user.id, { signal }) : undefined)).catch(() => undefined),
        me.then((user) => user?.email?.split('@')[1]?.toLowerCase()),
      ]);
      return { quota, invites: page.items, tree, myDomain };
    },
    args: () => [this.client] as const,
  });

  /** Answers the finder's (or the page's) `kring-invite-request` on this document. */
  protected readonly requests = new PageEventController(
    this,
    'kring-invite-request',
    (event) => void this.request(inviteRequestDetail(event)),
  );

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.clearProblems();
    if (changed.has('mode')) this.currentMode = this.checkAttribute('mode', this.mode, INVITE_MODES, 'email');
    else this.checkAttribute('mode', this.mode, INVITE_MODES, 'email');
    if (!Number.isInteger(this.quota) || this.quota < 0) {
      this.reportProblem(
        `<kring-invite> quota="${this.getAttribute('quota') ?? this.quota}" is not valid; use a whole number of 0 or more.`,
      );
    }
  }

  private get topLevel(): number {
    return topHeadingLevel(this.headingLevel, 2);
  }

  private t(key: GrowthKey, params?: MessageParams): string {
    return translate(growthStrings, this.language, key, params);
  }

  private get domains(): string[] {
    const written = this.allowedDomains.trim();
    if (written === '*') return [];
    if (written) return parseAllowedDomains(written);
    // The safe default: colleagues at the inviter's own domain, not any address on the internet.
    const own = this.dataTask.value?.myDomain;
    return own ? [own] : [];
  }

  private get domainList(): string {
    return formatList(
      this.language,
      this.domains.map((domain) => `@${domain}`),
    );
  }

  private get quotaLimit(): number | undefined {
    return Number.isInteger(this.quota) && this.quota >= 0 ? this.quota : DEFAULT_INVITE_QUOTA;
  }

  /**
   * Opens the form for a colleague to invite: scrolls it into view, focuses it, pre-fills the message
   * for `skill` and, with `personId`, pre-selects that directory person. What a `kring-invite-request`
   * on the document does.
   */
  async request(detail: InviteRequestDetail = {}): Promise<void> {
    await this.updateComplete;
    if (detail.personId) this.currentMode = 'directory';
    await this.updateComplete;
    const message = this.messageInput;
    if (message && detail.skill && !message.value.trim()) {
      message.value = this.t('invite.message.skill', { skill: detail.skill });
    }
    if (detail.personId) {
      const picker = this.renderRoot.querySelector('kring-people-picker');
      if (picker) picker.value = [detail.personId];
      const person = await this.client?.person(detail.personId).catch(() => null);
      if (person) this.chosenPerson = person;
    }
    this.scrollIntoView?.({ block: 'nearest' });
    const first =
      this.currentMode === 'email'
        ? this.emailInput
        : this.renderRoot.querySelector<HTMLElement>('kring-people-picker');
    (first ?? message)?.focus();
  }

  /** Shows the outcome in the status line and says it through the page's announcement queue. */
  private tell(text: string): void {
    this.announcement = text;
    this.announce(text);
  }

  protected override render() {
    if (this.notConnected) return this.renderNotConnected();
    const problems = this.attributeProblems.length
      ? html`<p part="error" role="alert">${this.attributeProblems.join(' ')}</p>`
      : nothing;
    const body = !this.client
      ? renderGrowthLoading(this.language, INVITE_SKELETON)
      : !this.client.capabilities.invites
        ? html`<p>${this.t('invite.unavailable')}</p>`
        : renderGrowthTask({
            lang: this.language,
            task: this.dataTask,
            lines: INVITE_SKELETON,
            data: (data) => this.renderData(data),
          });
    return html`<section part="panel" aria-labelledby="${this.idPrefix}-title">
      ${headingAt(this.topLevel, 0, this.t('invite.title'), { id: `${this.idPrefix}-title` })}
      ${problems}${body} ${this.pendingWrites.render()}
      <p part="status">${this.announcement}</p>
    </section>`;
  }

  private renderData(data: InviteData) {
    const quota = effectiveQuota(data.quota, this.quotaLimit);
    return html`${this.renderForm(quota)} ${this.renderMine(data.invites)} ${this.renderTree(data.tree)}
    ${this.renderLink()}`;
  }

  private quotaText(quota: InviteQuota): string {
    if (isQuotaExhausted(quota)) {
      return this.t('invite.quota.exhausted', {
        limit: quota.limit,
        date: formatDate(this.language, quota.resetsAt, { day: 'numeric', month: 'long' }),
      });
    }
    return translatePlural(growthStrings, this.language, 'invite.quota.remaining', quota.remaining, {
      limit: quota.limit,
    });
  }

  private renderForm(quota: InviteQuota) {
    const exhausted = isQuotaExhausted(quota);
    const quotaClass = exhausted ? 'error' : 'muted';
    const id = this.idPrefix;
    const emailDescribedBy = [
      this.domains.length ? `${id}-email-help` : '',
      this.emailProblem ? `${id}-email-error` : '',
    ]
      .filter(Boolean)
      .join(' ');
    requireElement('kring-people-picker');
    return html`<form part="form" novalidate @submit=${this.onSubmit}>
      <fieldset part="mode">
        <legend>${this.t('invite.mode')}</legend>
        ${INVITE_MODES.map(
          (mode) =>
            html`<label
              ><input
                type="radio"
                name="${id}-mode"
                value=${mode}
                .checked=${this.currentMode === mode}
                @change=${() => this.setMode(mode)}
              />${this.t(`invite.mode.${mode}`)}</label
            >`,
        )}
      </fieldset>
      ${this.currentMode === 'email'
        ? html`<div class="field">
            <label for="email">${this.t('invite.email')}</label>
            <input
              id="email"
              part="email"
              type="email"
              autocomplete="off"
              spellcheck="false"
              aria-invalid=${this.emailProblem ? 'true' : 'false'}
              aria-describedby=${emailDescribedBy || nothing}
              @input=${() => (this.emailProblem = undefined)}
            />
            ${this.domains.length
              ? html`<span id="${id}-email-help" class="help"
                  >${this.t('invite.email.help', { domains: this.domainList })}</span
                >`
              : nothing}
            ${this.emailProblem
              ? html`<span id="${id}-email-error" part="error"
                  >${this.emailProblemText(this.emailProblem)}</span
                >`
              : nothing}
          </div>`
        : html`<div class="field">
            <kring-people-picker
              part="picker"
              label=${this.t('invite.person.label')}
              .errorMessage=${this.personProblem ?? ''}
              @kring-people-change=${this.onPeopleChange}
            ></kring-people-picker>
          </div>`}
      <div class="field">
        <label for="message">${this.t('invite.message')}</label>
        <textarea id="message" part="message" maxlength="500"></textarea>
      </div>
      <p part="quota" id="${id}-quota" tabindex="-1" class=${quotaClass}>${this.quotaText(quota)}</p>
      ${this.sendError ? html`<p part="error" role="alert">${this.sendError}</p>` : nothing}
      <div class="actions">
        <button
          part="send"
          class="primary"
          type="submit"
          aria-describedby="${id}-quota"
          ?disabled=${exhausted && !this.sending}
          aria-disabled=${busyControl(this.sending)}
        >
          ${this.sending ? this.t('invite.sending') : this.t('invite.send')}
        </button>
      </div>
    </form>`;
  }

  private emailProblemText(problem: EmailProblem): string {
    return this.t(`invite.email.problem.${problem}`, { domains: this.domainList });
  }

  private setMode(mode: InviteMode): void {
    this.currentMode = mode;
    this.emailProblem = this.personProblem = this.sendError = undefined;
  }

  private onPeopleChange(event: KringPeopleChangeEvent): void {
    this.chosenPerson = event.detail.people[0];
    this.personProblem = undefined;
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (!this.client || this.sending) return;
    this.sendError = undefined;
    let input: { email?: string; personId?: string };
    let label: string;
    if (this.currentMode === 'email') {
      const result = validateInviteEmail(this.emailInput?.value ?? '', this.domains);
      if (!result.valid) {
        this.emailProblem = result.problem;
        await this.updateComplete;
        this.emailInput?.focus();
        return;
      }
      input = { email: result.email };
      label = result.email;
    } else {
      const person = this.chosenPerson;
      const problem = !person
        ? this.t('invite.person.problem.empty')
        : person.isMember
          ? this.t('invite.person.problem.member', { name: person.name })
          : person.email && !validateInviteEmail(person.email, this.domains).valid
            ? this.t('invite.email.problem.domain', { domains: this.domainList })
            : undefined;
      if (problem || !person) {
        this.personProblem = problem;
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('kring-people-picker')?.focus();
        return;
      }
      input = { personId: person.id };
      label = person.name;
    }
    const message = this.messageInput?.value.trim();
    this.sending = true;
    try {
      const invite = await this.client.sendInvite({ ...input, ...(message ? { message } : {}) });
      this.tell(this.t('invite.sent', { email: label }));
      if (this.emailInput) this.emailInput.value = '';
      if (this.messageInput) this.messageInput.value = '';
      this.renderRoot.querySelector('kring-people-picker')?.clear();
      this.chosenPerson = undefined;
      this.dispatchEvent(new KringInviteSentEvent({ invite }));
      // The last invitation of the month disables Send once the quota reloads: the quota line says why.
      void this.dataTask.run().then(() => focusIfLost(this, '[part="quota"]'));
    } catch (error) {
      this.sendError = this.describeError(error);
    } finally {
      this.sending = false;
    }
  }

  private describeError(error: unknown): string {
    if (isBackendError(error)) {
      if (error.kind === 'conflict' || error.code === 'invite.already-member')
        return this.t('invite.error.conflict');
      if (error.code === 'invite.quota') {
        const quota = this.dataTask.value?.quota;
        if (quota) return this.quotaText({ ...quota, remaining: 0 });
      }
      if (error.kind === 'forbidden' || error.kind === 'throttled') {
        const quota = this.dataTask.value?.quota;
        if (quota) return this.quotaText({ ...quota, remaining: 0 });
      }
      return this.t('error.save', { reason: error.message });
    }
    return this.t('error.save', { reason: error instanceof Error ? error.message : String(error) });
  }

  private renderMine(invites: Invite[]) {
    const now = this.now();
    // Not a named section: four region landmarks per invite element were too many.
    return html`<section part="mine">
      ${headingAt(this.topLevel, 1, this.t('invite.mine'), { id: `${this.idPrefix}-mine` })}
      ${invites.length === 0
        ? html`<p class="muted">${this.t('invite.mine.empty')}</p>`
        : html`<ul class="plain">
            ${invites.map((invite) => {
              const status = effectiveInviteStatus(invite, now);
              const busy = this.busyInvites.has(invite.id);
              return html`<li
                part="invitation"
                class="row"
                data-status=${status}
                data-invite=${invite.id}
                tabindex="-1"
              >
                <span>
                  <span class="email">${invite.email}</span>
                  <span class="chip status-${status}">${this.t(`invite.status.${status}`)}</span>
                  <span class="muted"
                    >${this.t('invite.sentOn', { date: formatDate(this.language, invite.createdAt) })}</span
                  >
                  ${invite.delivery?.status === 'failed' && canResendInvite(invite, now)
                    ? html`<span
                        part="delivery-failed"
                        class="delivery-failed"
                        title=${invite.delivery.error ?? nothing}
                        >${this.t('invite.delivery.failed')}</span
                      >`
                    : nothing}
                </span>
                <span class="actions">
                  ${canResendInvite(invite, now)
                    ? html`<button
                        part="resend"
                        type="button"
                        aria-disabled=${busyControl(busy)}
                        aria-label=${this.t('invite.resend.label', { email: invite.email })}
                        @click=${() => this.resend(invite)}
                      >
                        ${this.t('invite.resend')}
                      </button>`
                    : nothing}
                  ${canRevokeInvite(invite, now)
                    ? html`<button
                        part="revoke"
                        type="button"
                        aria-disabled=${busyControl(busy)}
                        aria-label=${this.t('invite.revoke.label', { email: invite.email })}
                        @click=${() => this.revoke(invite)}
                      >
                        ${this.t('invite.revoke')}
                      </button>`
                    : nothing}
                </span>
              </li>`;
            })}
          </ul>`}
    </section>`;
  }

  /** "You brought in 4 colleagues, who brought in 7 more." */
  private renderTree(tree: InviteTreeNode | undefined) {
    if (!tree) return nothing;
    const figures = inviteTreeFigures(tree);
    const lang = this.language;
    const sentence =
      figures.direct === 0
        ? this.t('tree.none')
        : translatePlural(growthStrings, lang, 'tree.direct', figures.direct) +
          (figures.indirect > 0
            ? translatePlural(growthStrings, lang, 'tree.indirect', figures.direct, {
                more: figures.indirect,
              })
            : this.t('tree.noIndirect'));
    return html`<section part="tree">
      ${headingAt(this.topLevel, 1, this.t('tree.title'), { id: `${this.idPrefix}-tree` })}
      <p>${sentence}</p>
      ${figures.depth > 1
        ? html`<p class="muted">${translatePlural(growthStrings, lang, 'tree.depth', figures.depth)}</p>`
        : nothing}
    </section>`;
  }

  /**
   * Runs an action on one invitation. Its buttons stay focusable while busy (`aria-disabled`), and a
   * button the outcome takes away (a revoked invitation has no Revoke) hands the focus to the row.
   */
  private async withBusy(invite: Invite, action: () => Promise<void>): Promise<void> {
    if (this.busyInvites.has(invite.id)) return;
    this.busyInvites = new Set([...this.busyInvites, invite.id]);
    try {
      await action();
    } catch (error) {
      this.tell(this.describeError(error));
    } finally {
      const next = new Set(this.busyInvites);
      next.delete(invite.id);
      this.busyInvites = next;
    }
    await focusIfLost(this, `[data-invite="${CSS.escape(invite.id)}"]`);
  }

  private resend(invite: Invite): Promise<void> {
    return this.withBusy(invite, async () => {
      await this.client!.resendInvite(invite.id);
      this.tell(this.t('invite.resent', { email: invite.email }));
      await this.dataTask.run();
    });
  }

  private revoke(invite: Invite): Promise<void> {
    return this.withBusy(invite, async () => {
      const revoked = await this.client!.revokeInvite(invite.id);
      this.tell(this.t('invite.revoked', { email: invite.email }));
      this.dispatchEvent(new KringInviteRevokedEvent({ invite: revoked }));
      await this.dataTask.run();
    });
  }

  private renderLink() {
    const id = this.idPrefix;
    return html`<section part="link">
      ${headingAt(this.topLevel, 1, this.t('invite.link.title'), { id: `${id}-link` })}
      <p class="muted">${this.t('invite.link.help')}</p>
      ${this.link
        ? html`<div class="field">
            <label for="link">${this.t('invite.link.label')}</label>
            <div class="link-field">
              <input
                id="link"
                type="text"
                readonly
                .value=${this.link.url}
                aria-describedby="${id}-expires"
                @focus=${(event: FocusEvent) => (event.target as HTMLInputElement).select()}
              />
              <button part="copy" type="button" @click=${this.copyLink}>${this.t('invite.link.copy')}</button>
            </div>
            <span id="${id}-expires" class="help"
              >${this.t('invite.link.expires', {
                date: formatDate(this.language, this.link.expiresAt),
              })}</span
            >
          </div>`
        : html`<button type="button" aria-disabled=${busyControl(this.linkBusy)} @click=${this.createLink}>
            ${this.t('invite.link.create')}
          </button>`}
      ${this.linkError ? html`<p part="error" role="alert">${this.linkError}</p>` : nothing}
    </section>`;
  }

  private async createLink(): Promise<void> {
    if (!this.client || this.linkBusy) return;
    this.linkBusy = true;
    this.linkError = undefined;
    try {
      this.link = await this.client.createInviteLink();
      // The last "Invitation sent to …" is about the form, not about the link just made.
      this.announcement = '';
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('#link')?.focus();
    } catch (error) {
      this.linkError = this.describeError(error);
    } finally {
      this.linkBusy = false;
    }
  }

  private async copyLink(): Promise<void> {
    if (!this.link) return;
    try {
      await navigator.clipboard.writeText(this.link.url);
      this.tell(this.t('invite.link.copied'));
    } catch {
      this.renderRoot.querySelector<HTMLInputElement>('#link')?.select();
      this.tell(this.t('invite.link.copyFailed'));
    }
  }
}
