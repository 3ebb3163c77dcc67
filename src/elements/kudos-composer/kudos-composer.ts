import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators/property.js';
import { query } from 'lit/decorators/query.js';
import { state } from 'lit/decorators/state.js';
import { Task } from '@lit/task';
import { AnnounceOnChange } from '../shared/announcer.js';
import { KringElement } from '../shared/kring-element.js';
import { ClientChangesController } from '../shared/client-changes.js';
import type { Kudos, KudosInput, Person } from '../../model.js';
import { toBackendError } from '../../errors.js';
import type { PendingKudos } from '../../client/types.js';
import { translate, translatePlural, type MessageParams } from '../../i18n/index.js';
import { kudosStrings, type KudosStringKey } from '../../i18n/kudos.js';
import { MESSAGE_MAX_LENGTH } from '../../kudos/message.js';
import { explainKudosError } from '../../kudos/errors.js';
import { MAX_RECEIVERS } from '../../kudos/fairness.js';
import { avatarStyles } from '../shared/small-avatar.js';
import { iconStyles } from '../shared/icons.js';
import { kudosFeedStyles } from '../kudos-feed/kudos-feed.styles.js';
import { listOfNames, renderPendingItem, type ItemContext } from '../shared/kudos-item.js';
import {
  KringKudosFailedEvent,
  KringKudosSentEvent,
  type KringPeopleChangeEvent,
} from '../../events/index.js';
import { kudosComposerStyles } from './kudos-composer.styles.js';
import { commaListConverter } from '../shared/list-attribute.js';
import { requireElement } from '../../autoload.js';
import { focusContainerOf, focusIfLost } from '../shared/async-focus.js';

/** Remaining-character counts at which the counter is announced to screen readers. */
const ANNOUNCE_AT = [50, 20, 10, 0] as const;

type FieldError = { key: KudosStringKey; params?: MessageParams };

function length(text: string): number {
  return [...text].length;
}

/**
 * Give kudos: choose colleagues, a company value and write a message. Sending is optimistic
 * (the kudos shows as "sending" at once); the client's outbox keeps it across reloads and
 * retries it with the same idempotency key, so it is delivered exactly once.
 *
 * @tagname kring-kudos-composer
 * @summary A form to give kudos to one or more colleagues.
 *
 * @csspart form - The form.
 * @csspart picker - The people picker.
 * @csspart value-select - The company value select.
 * @csspart message-input - The message text area.
 * @csspart counter - The character counter.
 * @csspart field-error - An error under a field.
 * @csspart form-error - A refusal from the backend (fairness rules).
 * @csspart send - The send button.
 * @csspart send-status - "Sending…" / "Sent" line.
 * @csspart item - An unsent kudos (unless `hide-pending`).
 * @csspart pending-item - Also on an unsent kudos: the one item kind the composer shows.
 * @csspart card - The visual card of an unsent kudos.
 * @csspart people - Giver → receivers line of an unsent kudos.
 * @csspart name - A person's name in that line.
 * @csspart meta - The value tag line of an unsent kudos.
 * @csspart value - The company value tag.
 * @csspart message - The message of an unsent kudos.
 * @csspart message-link - A link in a message.
 * @csspart message-mention - An @mention in a message.
 * @csspart pending-status - "Sending…" / "Not sent" line.
 * @csspart retry - Retry an unsent kudos.
 * @csspart discard - Discard an unsent kudos.
 * @csspart problem - An attribute problem.
 *
 * @cssproperty --kring-color-accent - Send button; focus rings when no focus colour is set.
 * @cssproperty --kring-color-focus - Focus rings.
 * @cssproperty --kring-color-surface - Background.
 * @cssproperty --kring-color-border - Borders.
 * @cssproperty --kring-color-field-border - Outline of the text field (3:1 against the field).
 * @cssproperty --kring-color-danger - Errors.
 * @cssproperty --kring-radius - Corner radius.
 *
 * @event {KringKudosSentEvent} kring-kudos-sent - The backend confirmed the kudos; `detail` has `kudos` and `input`.
 * @event {KringKudosFailedEvent} kring-kudos-failed - Refused or finally failed; `detail` has `input`, `error`, `code`, `outboxId`.
 */
export class KringKudosComposer extends KringElement {
  static override styles = [...avatarStyles, kudosFeedStyles, kudosComposerStyles, iconStyles];

  /** Company values to choose from, comma-separated; default: the backend's list. */
  @property({ attribute: 'values', converter: commaListConverter }) values?: string[];
  /** Receivers chosen at start: person ids, comma-separated. */
  @property({ attribute: 'to', converter: commaListConverter }) to: string[] = [];
  /** Company value chosen at start. */
  @property({ attribute: 'value' }) value?: string;
  /** Hides the list of unsent kudos (a feed around the composer shows them). */
  @property({ type: Boolean, attribute: 'hide-pending' }) hidePending = false;

  @state() private receivers: string[] = [];
  @state() private receiverNames: string[] = [];
  @state() private chosenValue = '';
  @state() private message = '';
  @state() private receiversError?: FieldError;
  @state() private messageError?: FieldError;
  @state() private formError?: FieldError;
  @state() private sendStatus = '';
  /** Sending, sent, refused: said through the page's announcement queue (with a feed's news, as one). */
  protected readonly sendAnnouncer = new AnnounceOnChange(
    this,
    // "Sending…" is shown, not said: the outcome follows at once.
    () => (this.sendStatus === this.t('composer.sending') ? '' : this.sendStatus),
    () => this.language,
  );
  @state() private pending: PendingKudos[] = [];
  @state() private people = new Map<string, Person | null>();

  @query('kring-people-picker') private picker!: HTMLElementTagNameMap['kring-people-picker'];
  @query('textarea') private textarea!: HTMLTextAreaElement;

  /** Unsent kudos show in the form; a queued send says so. */
  protected readonly changes = new ClientChangesController(
    this,
    () => this.client,
    ['outbox'],
    (_change, client) => {
      this.refreshPending();
      const watched = client.outbox('giveKudos').find((entry) => entry.id === this.watchedEntryId);
      if (watched?.state === 'waiting') this.sendStatus = this.t('composer.queued');
    },
    () => this.refreshPending(),
  );

  /** Who is giving: unsent kudos show their giver ("unknown colleague" until the user loads). */
  private readonly giver = new Task(this, {
    args: () => [this.client] as const,
    task: ([client], { signal }) => client?.currentUser({ signal }),
    onComplete: () => this.refreshPending(),
  });

  /** The company values offered, unless the `values` attribute names them. */
  private readonly backendValues = new Task(this, {
    args: () => [this.client] as const,
    task: async ([client], { signal }): Promise<string[]> =>
      client && !this.values?.length ? client.kudosValues({ signal }).catch(() => []) : [],
  });

  private get me(): Person | undefined {
    return this.giver.value;
  }

  private lastAnnounced?: number;
  private watchedEntryId?: string;

  /** The form's current input. */
  get input(): KudosInput {
    return { to: [...this.receivers], value: this.chosenValue || undefined, message: this.message.trim() };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('to')) this.receivers = [...this.to];
    if (changed.has('value')) this.chosenValue = this.value ?? '';
    if (changed.has('hidePending') && changed.get('hidePending') !== undefined) this.refreshPending();
  }

  private refreshPending(): void {
    const client = this.client;
    this.pending = client && !this.hidePending ? client.pendingKudos() : [];
    const ids = [...new Set(this.pending.flatMap((entry) => entry.input.to))];
    void this.resolvePeople(ids);
  }

  private async resolvePeople(ids: string[]): Promise<void> {
    const missing = ids.filter((id) => !this.people.has(id));
    if (!this.client || !missing.length) return;
    try {
      const found = await this.client.people(missing);
      const people = new Map(this.people);
      missing.forEach((id, index) => people.set(id, found[index] ?? null));
      this.people = people;
    } catch {
      // Names follow on the next change.
    }
  }

  private t(key: KudosStringKey, params?: MessageParams): string {
    return translate(kudosStrings, this.language, key, params);
  }

  private onPeopleChange(event: KringPeopleChangeEvent): void {
    this.receivers = event.detail.ids;
    this.receiverNames = event.detail.people.map((person) => person.name);
    if (this.receivers.length) this.receiversError = undefined;
    this.formError = undefined;
  }

  private onMessageInput(): void {
    this.message = this.textarea.value;
    this.formError = undefined;
    const remaining = MESSAGE_MAX_LENGTH - length(this.message);
    if (this.messageError && this.message.trim() && remaining >= 0) this.messageError = undefined;
    this.announceCounter(remaining);
  }

  /** Announces the counter politely only when crossing a threshold (50, 20, 10, 0 left, over), not on every key. */
  private announceCounter(remaining: number): void {
    const bucket = remaining < 0 ? -1 : ANNOUNCE_AT.filter((limit) => remaining <= limit).at(-1);
    if (bucket === this.lastAnnounced) return;
    this.lastAnnounced = bucket;
    if (bucket === undefined) return;
    this.announce(
      remaining < 0
        ? translatePlural(kudosStrings, this.language, 'composer.over', -remaining)
        : translatePlural(kudosStrings, this.language, 'composer.remaining', remaining),
    );
  }

  private validate(input: KudosInput): boolean {
    this.receiversError = !input.to.length
      ? { key: 'error.noReceivers' }
      : input.to.length > MAX_RECEIVERS
        ? { key: 'error.tooManyReceivers', params: { max: MAX_RECEIVERS } }
        : undefined;
    const size = length(input.message);
    this.messageError = !size
      ? { key: 'error.messageRequired' }
      : size > MESSAGE_MAX_LENGTH
        ? { key: 'error.messageTooLong', params: { max: MESSAGE_MAX_LENGTH } }
        : undefined;
    if (this.receiversError) this.picker?.focus();
    else if (this.messageError) this.textarea?.focus();
    return !this.receiversError && !this.messageError;
  }

  /** Sends the kudos in the form. Resolves when the backend confirmed or refused it. */
  async send(): Promise<void> {
    const client = this.client;
    const input = this.input;
    this.formError = undefined;
    if (!client) return;
    if (!this.validate(input)) {
      // The last kudos' "sent to …" does not belong beside the new form's error.
      this.sendStatus = '';
      return;
    }
    // Names, also for receivers preset with `to` (no change event named them): never ids in what is said.
    const names = this.receiverNames.length
      ? this.receiverNames
      : input.to.map((id) => client.peekPerson(id)?.name ?? id);
    const receivers = listOfNames(this.language, names);
    // Optimistic: the outbox shows the kudos as sending right away; the form is free for the next one.
    const sending = client.giveKudos(input);
    // The outbox adds the entry synchronously: watch it to say "will be sent when back online".
    this.watchedEntryId = client.outbox('giveKudos').at(-1)?.id;
    this.reset();
    this.sendStatus = this.t('composer.sending');
    await this.followSend(sending, input, receivers);
  }

  private async followSend(sending: Promise<Kudos>, input: KudosInput, receivers: string): Promise<void> {
    const client = this.client;
    try {
      const kudos = await sending;
      this.sendStatus = this.t('composer.sent', { receivers });
      this.dispatchEvent(new KringKudosSentEvent({ kudos, input }));
    } catch (thrown) {
      const error = toBackendError(thrown);
      if (error.kind === 'aborted') {
        this.sendStatus = '';
        return; // discarded by the user
      }
      const explanation = explainKudosError(error);
      let kept = client?.pendingKudos().find((entry) => sameInput(entry.input, input));
      if (kept && explanation.fixable) {
        // A rule the user can meet by editing (too long, daily limit): the form is the way to retry.
        client?.discardWrite(kept.id);
        kept = undefined;
      }
      if (!kept && !explanation.transient) {
        // Refused: put the message back so the user can change it, and say why.
        this.restore(input);
        this.formError = {
          key: explanation.key,
          params: explanation.params,
        };
        this.sendStatus = `${this.t('composer.failed')} ${this.t(explanation.key, explanation.params)} ${this.t('composer.restored')}`;
      } else {
        this.sendStatus = this.t('composer.failed');
      }
      this.dispatchEvent(
        new KringKudosFailedEvent({
          input,
          error,
          code: error.code,
          outboxId: kept?.id,
        }),
      );
    }
  }

  /** Empties the form for the next kudos; preset receivers (`to`) stay, e.g. on a profile page. */
  private reset(): void {
    this.picker?.clear();
    this.receivers = [...this.to];
    this.receiverNames = [];
    this.message = '';
    if (this.textarea) this.textarea.value = '';
    this.chosenValue = this.value ?? '';
    this.lastAnnounced = undefined;
  }

  private restore(input: KudosInput): void {
    if (this.message.trim()) return; // the user already started writing a new one
    this.receivers = [...input.to];
    this.chosenValue = input.value ?? '';
    this.message = input.message;
    if (this.textarea) this.textarea.value = input.message;
    if (this.picker) this.picker.value = [...input.to];
    void this.picker?.updateComplete.then(() => {
      this.receiverNames = this.picker.selectedPeople.map((person) => person.name);
    });
  }

  private retry(entry: PendingKudos): void {
    const client = this.client;
    if (!client) return;
    const input = entry.input;
    const receivers = listOfNames(
      this.language,
      input.to.map((id) => this.people.get(id)?.name ?? id),
    );
    const retried = client.retryWrite(entry.id) as Promise<Kudos>;
    // Retry and Discard go while it sends: the unsent item takes the focus from them now, then the message field.
    focusContainerOf(this, `[data-outbox-id="${CSS.escape(entry.id)}"]`);
    void retried.then(
      () => focusIfLost(this, 'textarea'),
      () => focusIfLost(this, `[data-outbox-id="${CSS.escape(entry.id)}"]`, 'textarea'),
    );
    if (entry.state !== 'failed') {
      // Still waiting: the original send is still pending and reports the outcome once.
      retried.catch(() => undefined);
      return;
    }
    this.sendStatus = this.t('composer.sending');
    void this.followSend(retried, input, receivers);
  }

  private discard(entry: PendingKudos): void {
    this.client?.discardWrite(entry.id);
    this.sendStatus = this.t('item.discarded');
    void this.updateComplete.then(() => this.textarea?.focus());
  }

  private get offeredValues(): string[] {
    return this.values?.length ? this.values : (this.backendValues.value ?? []);
  }

  private renderPending(): TemplateResult | typeof nothing {
    if (this.hidePending || !this.pending.length) return nothing;
    const ctx: ItemContext = {
      language: this.language,
      now: new Date(),
      person: (id) => (id === this.me?.id ? this.me : this.people.get(id)),
      react: () => undefined,
      toggleReactors: () => undefined,
      reactors: () => undefined,
      retry: (entry) => this.retry(entry),
      discard: (entry) => this.discard(entry),
    };
    return html`<div class="pending-list" role="list" aria-label=${this.t('composer.pendingLabel')}>
      ${this.pending.map(
        (entry) => html`<div role="listitem">${renderPendingItem(ctx, entry, this.me?.id ?? '')}</div>`,
      )}
    </div>`;
  }

  private fieldError(id: string, error?: FieldError): TemplateResult | typeof nothing {
    return error
      ? html`<p id=${id} class="field-error" part="field-error">${this.t(error.key, error.params)}</p>`
      : nothing;
  }

  override render() {
    if (this.notConnected) return this.renderNotConnected();
    if (this.client && !this.client.capabilities.kudos) {
      return html`<p class="notice" part="problem">${this.t('feed.noCapability')}</p>`;
    }
    const size = length(this.message);
    const remaining = MESSAGE_MAX_LENGTH - size;
    const values = this.offeredValues;
    requireElement('kring-people-picker');
    return html`
      <form
        part="form"
        novalidate
        aria-label=${this.t('composer.label')}
        @submit=${(event: Event) => {
          event.preventDefault();
          void this.send();
        }}
      >
        <kring-people-picker
          part="picker"
          multiple
          exclude-me
          required
          label=${this.t('composer.to')}
          .value=${this.receivers}
          .errorMessage=${this.receiversError
            ? this.t(this.receiversError.key, this.receiversError.params)
            : ''}
          @kring-people-change=${this.onPeopleChange}
        ></kring-people-picker>
        <div class="field">
          <label for="value">${this.t('composer.value')}</label>
          <select
            id="value"
            part="value-select"
            .value=${this.chosenValue}
            @change=${(event: Event) => (this.chosenValue = (event.target as HTMLSelectElement).value)}
          >
            <option value="" ?selected=${!this.chosenValue}>${this.t('composer.noValue')}</option>
            ${values.map(
              (value) =>
                html`<option .value=${value} ?selected=${value === this.chosenValue}>${value}</option>`,
            )}
          </select>
        </div>
        <div class="field">
          <label for="message">${this.t('composer.message')}</label>
          <textarea
            id="message"
            part="message-input"
            rows="3"
            dir="auto"
            required
            aria-required="true"
            aria-invalid=${this.messageError ? 'true' : 'false'}
            aria-describedby=${this.messageError ? 'message-error counter' : 'counter'}
            .value=${this.message}
            @input=${this.onMessageInput}
          ></textarea>
          <div
            id="counter"
            part="counter"
            class="counter ${remaining < 0 ? 'over' : remaining <= ANNOUNCE_AT[0] ? 'near' : ''}"
          >
            ${this.t('composer.counter', { count: size, max: MESSAGE_MAX_LENGTH })}
          </div>
          ${this.fieldError('message-error', this.messageError)}
        </div>
        <p class="form-error" part="form-error">
          ${this.formError ? this.t(this.formError.key, this.formError.params) : ''}
        </p>
        <div class="actions">
          <span class="send-status" part="send-status">${this.sendStatus}</span>
          <button type="submit" class="action primary" part="send">${this.t('composer.send')}</button>
        </div>
      </form>
      ${this.renderPending()}
    `;
  }
}

function sameInput(a: KudosInput | undefined, b: KudosInput): boolean {
  return !!a && a.message === b.message && a.value === b.value && a.to.join(',') === b.to.join(',');
}
