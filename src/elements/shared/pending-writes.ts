import {
  css,
  html,
  nothing,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { CommunityClientApi, OutboxEntry, WriteKind } from '../../client/types.js';
import { translate, translatePlural, type Language } from '../../i18n/index.js';
import { outboxStrings, type OutboxStringKey } from '../../i18n/outbox.js';
import { ClientChangesController } from './client-changes.js';
import { announce } from './announcer.js';
import { DAY_MS } from '../../time.js';

/**
 * The one way every writing element shows its writes that the backend has not confirmed: waiting for
 * the network (sent by itself later), sending, or refused by the server with its message, Retry and
 * Discard. It reads the client's outbox, so after a reload any element of that kind on the page shows
 * the writes of its kind, whichever element made them.
 */
export class PendingWritesController implements ReactiveController {
  private entries: OutboxEntry[] = [];
  private expired: OutboxEntry[] = [];
  private status = '';
  /** The write the user retried from this list, until it leaves the outbox (sent) or fails again. */
  private retried?: string;

  constructor(
    private readonly host: ReactiveControllerHost & Element,
    private readonly client: () => CommunityClientApi | undefined,
    private readonly language: () => Language,
    private readonly kinds: readonly WriteKind[],
    /** Narrows the writes to those about what the element shows (a person's skills, one invitation). */
    private readonly about: (entry: OutboxEntry) => boolean = () => true,
  ) {
    host.addController(this);
    new ClientChangesController(
      host,
      client,
      ['outbox'],
      () => this.refresh(),
      () => this.refresh(),
    );
  }

  hostConnected(): void {
    this.refresh();
  }

  /** The writes shown now (copies). */
  get shown(): OutboxEntry[] {
    return [...this.entries];
  }

  /** Reads the outbox again, e.g. after the element's subject changed. */
  refresh(): void {
    const client = this.client();
    const mine = (entry: OutboxEntry) => this.kinds.includes(entry.kind) && this.about(entry);
    // Hand-made clients (tests, hosts) may lack the outbox: then there is nothing to show.
    this.entries = typeof client?.outbox === 'function' ? client.outbox().filter(mine) : [];
    this.expired = typeof client?.expiredWrites === 'function' ? client.expiredWrites().filter(mine) : [];
    const retried = this.entries.find((entry) => entry.id === this.retried);
    if (this.retried && !retried) {
      // Gone from the outbox after Retry: delivered. Said, and shown where the row was.
      this.retried = undefined;
      this.status = translate(outboxStrings, this.language(), 'outbox.sent');
      announce(this.host, this.status, this.language());
    } else if (retried?.state === 'failed') this.retried = undefined;
    this.host.requestUpdate();
    this.keepFocus();
  }

  render(): TemplateResult | typeof nothing {
    if (!this.entries.length && !this.expired.length && !this.status) return nothing;
    const lang = this.language();
    const t = (key: OutboxStringKey, params?: Record<string, string | number>) =>
      translate(outboxStrings, lang, key, params);
    const days = Math.round((this.client()?.outboxMaxAgeMs ?? 7 * DAY_MS) / DAY_MS);
    return html`<section
      part="pending-writes"
      class="pending-writes"
      aria-label=${t('outbox.label')}
      tabindex="-1"
    >
      ${this.entries.length
        ? html`<ul>
            ${repeat(
              this.entries,
              // Keyed: a row that goes takes its buttons along, instead of lending them to the next write.
              (entry) => entry.id,
              (entry) =>
                html`<li part="pending-write" data-outbox-id=${entry.id} data-state=${entry.state}>
                  <span part="pending-write-what">${describe(entry, t)}</span>
                  <span part="pending-write-state"
                    >${entry.state === 'failed'
                      ? t('outbox.failed', { reason: entry.error ?? '' })
                      : entry.state === 'waiting'
                        ? t('outbox.waiting', { days })
                        : t('outbox.sending')}</span
                  >
                  ${entry.state === 'failed'
                    ? html`<button part="write-retry" type="button" @click=${() => this.retry(entry)}>
                        ${t('outbox.retry')}
                      </button>`
                    : nothing}
                  <button part="write-discard" type="button" @click=${() => this.discard(entry)}>
                    ${t('outbox.discard')}
                  </button>
                </li>`,
            )}
          </ul>`
        : nothing}
      ${this.expired.length
        ? html`<p part="pending-write-expired">
            ${translatePlural(outboxStrings, lang, 'outbox.expired', this.expired.length, { days })}
            <button part="write-dismiss" type="button" @click=${() => this.dismissExpired()}>
              ${t('outbox.dismiss')}
            </button>
          </p>`
        : nothing}
      <p class="pending-writes-status" tabindex="-1">${this.status}</p>
    </section>`;
  }

  private retry(entry: OutboxEntry): void {
    this.status = '';
    this.retried = entry.id;
    // The outcome shows in the list (gone, or refused again with the new message).
    this.client()
      ?.retryWrite(entry.id)
      .catch(() => undefined);
  }

  private discard(entry: OutboxEntry): void {
    this.client()?.discardWrite(entry.id);
    this.status = translate(outboxStrings, this.language(), 'outbox.discarded');
    // Shown in the list and said through the page's one announcement queue.
    announce(this.host, this.status, this.language());
    this.host.requestUpdate();
    this.keepFocus();
  }

  /**
   * The row the user acted on goes with its buttons: the focus moves to the list's status line, then
   * to the list, instead of falling to <body> (the async focus rule, `async-focus.ts`).
   */
  private keepFocus(): void {
    const root = this.host.shadowRoot;
    if (!root?.querySelector('.pending-writes')?.contains(root.activeElement)) return;
    void this.host.updateComplete.then(() => {
      if (root.activeElement) return;
      const status = root.querySelector<HTMLElement>('.pending-writes-status');
      (status?.textContent?.trim() ? status : root.querySelector<HTMLElement>('.pending-writes'))?.focus();
    });
  }

  private dismissExpired(): void {
    for (const kind of new Set(this.expired.map((entry) => entry.kind))) this.client()?.dismissExpired(kind);
  }
}

/** What the write was, in a few words the user recognises. */
function describe(
  entry: OutboxEntry,
  t: (key: OutboxStringKey, params?: Record<string, string>) => string,
): string {
  const text =
    entry.kind === 'giveKudos'
      ? truncate(entry.input.message)
      : entry.kind === 'sendInvite'
        ? (entry.input.email ?? '')
        : entry.kind === 'recordEvidence'
          ? entry.input.url
          : entry.kind === 'endorseSkill' || entry.kind === 'unendorseSkill'
            ? entry.input.skill
            : '';
  return t(`outbox.kind.${entry.kind}`, { text });
}

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/** Layout of the list; add to the element's `styles`. */
export const pendingWritesStyles = css`
  .pending-writes ul {
    list-style: none;
    margin: 0.5em 0;
    padding: 0;
  }
  .pending-writes li {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 0.75em;
    align-items: baseline;
    padding: 0.25em 0;
  }
  .pending-writes [part='pending-write-state'] {
    color: var(--_muted);
  }
  .pending-writes li[data-state='failed'] [part='pending-write-state'] {
    color: var(--_danger);
  }
  .pending-writes-status:empty {
    display: none;
  }
`;
