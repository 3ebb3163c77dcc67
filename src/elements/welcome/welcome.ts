import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators/property.js';
import { state } from 'lit/decorators/state.js';
import { Task } from '@lit/task';
import { busyControl, focusIfLost } from '../shared/async-focus.js';
import { headingAt, topHeadingLevel } from '../shared/heading-level.js';
import { KringElement } from '../shared/kring-element.js';
import { PendingWritesController, pendingWritesStyles } from '../shared/pending-writes.js';
import { renderGrowthLoading, renderGrowthTask } from '../shared/growth-states.js';
import type { InviteTokenInfo } from '../../model.js';
import { INVITE_TOKEN_PARAM, takeUrlParam } from '../../invites/token.js';
import { isBackendError } from '../../errors.js';
import { growthStrings, type GrowthKey } from '../../i18n/growth.js';
import { formatDate, translate, type MessageParams } from '../../i18n/index.js';
import { welcomeStyles } from './welcome.styles.js';
import { KringInviteAcceptedEvent, KringInviteDeclinedEvent } from '../../events/invites.js';

type Outcome = 'joined' | 'declined';

const WELCOME_SKELETON = ['medium', 'long'] as const;

let nextInstance = 0;

/**
 * The page an invitee lands on: who invited them and why the community exists, with join and
 * decline. Expired, revoked, already-used and unknown invitations get a clear message.
 *
 * @tagname kring-welcome
 * @summary Accept or decline an invitation.
 * @slot about - Why the community exists; replaces the default text.
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
 * @csspart inviter - "Mara invited you to join."
 * @csspart message - The inviter's personal message.
 * @csspart about - Why the community exists.
 * @csspart join - The join button.
 * @csspart decline - The decline button.
 * @csspart outcome - The result after joining or declining.
 * @csspart problem - Expired / revoked / used / unknown / missing token messages.
 * @csspart error - Load and save errors.
 * @csspart retry - Retry button.
 * @cssproperty --kring-color-surface - Background.
 * @cssproperty --kring-color-accent - Buttons and the message bar.
 * @cssproperty --kring-color-danger - Errors.
 * @event {KringInviteAcceptedEvent} kring-invite-accepted - The invitee joined; `detail.info`.
 * @event {KringInviteDeclinedEvent} kring-invite-declined - The invitee declined; `detail.info`.
 */
export class KringWelcome extends KringElement {
  static override styles = [welcomeStyles, pendingWritesStyles];

  /** The reply to this invitation, while not yet confirmed: waiting for the network, or refused. */
  protected readonly pendingWrites = new PendingWritesController(
    this,
    () => this.client,
    () => this.language,
    ['respondToInvite'],
  );

  /** Level (2–6) of the element's top heading, so it fits the page's outline; sub-headings go one level deeper each. Default 2. */
  @property({ attribute: 'heading-level' }) headingLevel?: string;
  /**
   * The invitation token. Without it, the token is read from the page URL (`token-param`) and then taken
   * out of the address bar.
   */
  @property({ attribute: 'token' }) token = '';
  /** Name of the URL parameter holding the token when `token` is not set. Default `invite`. */
  @property({ attribute: 'token-param' }) tokenParam = INVITE_TOKEN_PARAM;

  @state() private outcome?: Outcome;
  @state() private responding = false;
  @state() private respondError?: string;

  private readonly idPrefix = `kring-welcome-${++nextInstance}`;
  /** The token read from the address (which no longer shows it), with the parameter it came from. */
  private urlToken?: { param: string; value: string };

  private readonly lookupTask = new Task(this, {
    task: async ([client, token], { signal }) => {
      if (!client || !token) return undefined;
      return client.lookupInvite(token, { signal });
    },
    args: () => [this.client, this.resolvedToken] as const,
  });

  /** The token in use: the attribute, or the URL parameter. */
  get resolvedToken(): string {
    const fromAttribute = this.token.trim();
    if (fromAttribute) return fromAttribute;
    const param = this.tokenParam.trim();
    if (!param) return '';
    return this.urlToken?.param === param ? this.urlToken.value : '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const param = this.tokenParam.trim();
    if (!this.token.trim() && param && this.urlToken?.param !== param) {
      this.urlToken = { param, value: takeUrlParam(param) };
    }
    if (changed.has('token') || changed.has('tokenParam')) {
      this.outcome = undefined;
      this.respondError = undefined;
    }
  }

  private t(key: GrowthKey, params?: MessageParams): string {
    return translate(growthStrings, this.language, key, params);
  }

  private get topLevel(): number {
    return topHeadingLevel(this.headingLevel, 2);
  }

  protected override render() {
    if (this.notConnected) return this.renderNotConnected();
    const titleId = `${this.idPrefix}-title`;
    let body: unknown;
    if (!this.resolvedToken) body = html`<p part="problem">${this.t('welcome.noToken')}</p>`;
    else if (!this.client) body = renderGrowthLoading(this.language, WELCOME_SKELETON);
    else
      body = renderGrowthTask({
        lang: this.language,
        task: this.lookupTask,
        lines: WELCOME_SKELETON,
        data: (info) => this.renderInfo(info),
        keepWhilePending: false,
      });
    return html`<section part="panel" aria-labelledby=${titleId}>
      ${headingAt(this.topLevel, 0, this.t('welcome.title'), { id: titleId })} ${body}
      ${this.pendingWrites.render()}
      <p part="outcome" tabindex="-1">
        ${this.outcome ? this.t(this.outcome === 'joined' ? 'welcome.joined' : 'welcome.declined') : ''}
      </p>
    </section>`;
  }

  private renderInfo(info: InviteTokenInfo) {
    if (this.outcome) return nothing;
    const inviterName = info.inviter?.name;
    switch (info.state) {
      case 'expired':
        return html`<p part="problem" tabindex="-1">
          ${inviterName
            ? this.t('welcome.state.expired', { name: inviterName })
            : this.t('welcome.state.expiredUnknown')}
        </p>`;
      case 'revoked':
      case 'used':
      case 'unknown':
        return html`<p part="problem" tabindex="-1">${this.t(`welcome.state.${info.state}`)}</p>`;
      case 'valid':
        return html`<p part="inviter">
            ${inviterName
              ? this.t('welcome.invitedBy', { name: inviterName })
              : this.t('welcome.invitedByUnknown')}
          </p>
          ${info.invite?.message
            ? html`<figure class="stack quote">
                <figcaption class="muted">${this.t('welcome.message')}</figcaption>
                <blockquote part="message">${info.invite.message}</blockquote>
              </figure>`
            : nothing}
          <div part="about">
            <slot name="about"><p>${this.t('welcome.why')}</p></slot>
          </div>
          ${info.invite?.expiresAt
            ? html`<p class="muted">
                ${this.t('welcome.expiresOn', { date: formatDate(this.language, info.invite.expiresAt) })}
              </p>`
            : nothing}
          ${this.respondError
            ? html`<p part="error" role="alert" tabindex="-1">${this.respondError}</p>`
            : nothing}
          <div class="actions">
            <button
              part="join"
              class="primary"
              type="button"
              aria-disabled=${busyControl(this.responding)}
              @click=${() => this.respond(true)}
            >
              ${this.responding ? this.t('welcome.joining') : this.t('welcome.join')}
            </button>
            <button
              part="decline"
              type="button"
              aria-disabled=${busyControl(this.responding)}
              @click=${() => this.respond(false)}
            >
              ${this.t('welcome.decline')}
            </button>
          </div>`;
    }
  }

  private async respond(accept: boolean): Promise<void> {
    if (!this.client || this.responding) return;
    this.responding = true;
    this.respondError = undefined;
    try {
      const info = await this.client.respondToInvite(this.resolvedToken, accept);
      this.outcome = accept ? 'joined' : 'declined';
      this.dispatchEvent(
        accept ? new KringInviteAcceptedEvent({ info }) : new KringInviteDeclinedEvent({ info }),
      );
      // The buttons go; the outcome takes the focus (and is read as it does). Where the focus went
      // elsewhere meanwhile, the outcome is said through the page's announcement queue instead.
      await focusIfLost(this, '[part="outcome"]');
      const outcome = this.renderRoot.querySelector('[part="outcome"]');
      if (outcome && this.shadowRoot?.activeElement !== outcome) this.announce(outcome.textContent ?? '');
    } catch (error) {
      this.respondError = this.t('error.save', {
        reason: error instanceof Error ? error.message : String(error),
      });
      this.responding = false;
      if (isBackendError(error) && (error.kind === 'conflict' || error.kind === 'not-found')) {
        // The invitation changed meanwhile (used, revoked, expired): show what it is now.
        await this.lookupTask.run();
      }
      // The buttons stay focusable while answering; if the answer took them away, the focus goes to
      // what the invitation is now, or to the error.
      await focusIfLost(this, '[part="join"]', '[part="problem"]', '[part="error"]');
    } finally {
      this.responding = false;
    }
  }
}
