import { html, nothing, type TemplateResult } from 'lit';
import { reactionIcon } from './reaction-icons.js';
import { REACTION_TYPES, type Kudos, type Person, type ReactionType } from '../../model.js';
import type { PendingKudos } from '../../client/types.js';
import { formatDate, translate, type Language, type MessageParams } from '../../i18n/index.js';
import { formatRelativeTime } from '../../i18n/relative-time.js';
import { kudosStrings, type KudosStringKey } from '../../i18n/kudos.js';
import { outboxStrings } from '../../i18n/outbox.js';
import { renderAvatar } from './avatar.js';
import type { PersonHoverController } from './person-hover.js';
import type { PopoverController } from './popover-controller.js';
import { headingAt } from './heading-level.js';
import { contentMarks, type ContentMarks } from './language-marks.js';
import { renderMessage } from '../../kudos/render-message.js';

/** Everything an item needs from the feed to render and to act. */
export interface ItemContext {
  language: Language;
  now: Date;
  person(id: string): Person | null | undefined;
  react(kudos: Kudos, reaction: ReactionType): void;
  toggleReactors(kudos: Kudos): void;
  reactors(kudosId: string): ReactorsState | undefined;
  retry(entry: PendingKudos): void;
  discard(entry: PendingKudos): void;
  /** The exact-time bubbles: hover or focus content per WCAG 1.4.13, one controller for the feed (none: no bubble). */
  popovers?: PopoverController;
  /** Level of each kudos' "giver → receivers" heading (default 3). */
  headingLevel?: number;
  /** Marks for the community's own words (company values), when they are in another language. */
  contentMarks?: ContentMarks;
  /** Opens a person's card from their name or photo (none: names are plain text). */
  hover?: PersonHoverController;
}

export type ReactorsState =
  | { status: 'loading' }
  | { status: 'error' }
  | { status: 'ready'; byType: { type: ReactionType; names: string[] }[] };

function t(language: Language, key: KudosStringKey, params?: MessageParams): string {
  return translate(kudosStrings, language, key, params);
}

export function personName(ctx: Pick<ItemContext, 'person' | 'language'>, id: string): string {
  return ctx.person(id)?.name ?? t(ctx.language, 'item.unknownPerson');
}

const listFormats = new Map<Language, Intl.ListFormat>();

export function listOfNames(language: Language, names: string[]): string {
  let format = listFormats.get(language);
  if (!format) {
    format = new Intl.ListFormat(language, { style: 'long', type: 'conjunction' });
    listFormats.set(language, format);
  }
  return format.format(names);
}

function renderPerson(ctx: ItemContext, id: string, part: string, itemId: string): TemplateResult {
  const person = ctx.person(id);
  const content = html`${renderAvatar(person ?? undefined)}<span part="name">${personName(ctx, id)}</span>`;
  if (!ctx.hover || !person) return html`<span class="person" part=${part}>${content}</span>`;
  const key = `${itemId}:${part}:${id}`;
  return html`<span class="person" part=${part}
    >${ctx.hover.wrap(
      key,
      id,
      person.name,
      ctx.hover.button(key, id, person.name, content, 'person-button'),
    )}</span
  >`;
}

function renderPeople(
  ctx: ItemContext,
  from: string,
  to: readonly string[],
  headingId: string,
): TemplateResult {
  return headingAt(
    ctx.headingLevel ?? 3,
    0,
    html`${renderPerson(ctx, from, 'giver', headingId)}
      <span class="arrow" aria-hidden="true">→</span>
      <span class="visually-hidden">${t(ctx.language, 'item.to')}</span>
      ${to.map((id) => renderPerson(ctx, id, 'receiver', headingId))}`,
    { id: headingId, className: 'people', part: 'people' },
  );
}

/*
 * Formatting dates builds Intl formatters, which is slow enough to matter while scrolling a long
 * feed. Exact times never change; relative times are kept for the current minute only.
 */
const exactTimes = new Map<string, string>();
const relativeTimes = new Map<string, string>();
let relativeMinute = 0;

function exactTime(language: Language, createdAt: string): string {
  const key = `${language}|${createdAt}`;
  let text = exactTimes.get(key);
  if (text === undefined) {
    if (exactTimes.size > 5_000) exactTimes.clear();
    text = formatDate(language, createdAt, { dateStyle: 'full', timeStyle: 'short' });
    exactTimes.set(key, text);
  }
  return text;
}

function relativeTime(language: Language, createdAt: string, now: Date): string {
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute !== relativeMinute || relativeTimes.size > 5_000) {
    relativeTimes.clear();
    relativeMinute = minute;
  }
  const key = `${language}|${createdAt}`;
  let text = relativeTimes.get(key);
  if (text === undefined) {
    text = formatRelativeTime(language, createdAt, now);
    relativeTimes.set(key, text);
  }
  return text;
}

function renderTime(ctx: ItemContext, kudosId: string, createdAt: string): TemplateResult {
  const exact = t(ctx.language, 'item.exactTime', { time: exactTime(ctx.language, createdAt) });
  const popovers = ctx.popovers;
  const open = popovers?.isOpen(kudosId) ?? false;
  // Focusable so keyboard users can see the exact time too. Screen readers get it once, from the hidden
  // text; the bubble (no `title`, so no second native tooltip) is for the eyes and takes no room while
  // closed (no sideways scroll at 320 px).
  return html`<span
    class="when"
    @pointerenter=${() => popovers?.pointerEnter(kudosId)}
    @pointerleave=${(event: PointerEvent) => popovers?.pointerLeave(kudosId, event.currentTarget as Element)}
    @focusin=${() => popovers?.focusIn(kudosId)}
    @focusout=${(event: FocusEvent) => popovers?.focusOut(kudosId, event)}
    ><time part="time" datetime=${createdAt} tabindex="0"
      >${relativeTime(ctx.language, createdAt, ctx.now)}<span class="visually-hidden">, ${exact}</span></time
    ><span class="exact" part="exact-time" aria-hidden="true" ?hidden=${!open}>${exact}</span></span
  >`;
}

function renderValue(ctx: ItemContext, value: string | undefined): TemplateResult | typeof nothing {
  if (!value) return nothing;
  const marks = ctx.contentMarks ?? {};
  return html`<span class="value" part="value"
    ><span class="visually-hidden">${t(ctx.language, 'item.value')}: </span
    ><span lang=${marks.lang ?? nothing} dir=${marks.dir ?? nothing}>${value}</span></span
  >`;
}

function renderReactions(ctx: ItemContext, kudos: Kudos): TemplateResult {
  const summaries = new Map(kudos.reactions.map((reaction) => [reaction.type, reaction]));
  const total = kudos.reactions.reduce((sum, reaction) => sum + reaction.count, 0);
  const reactors = ctx.reactors(kudos.id);
  const panelId = `reactors-${kudos.id}`;
  return html`<div
      class="reactions"
      part="reactions"
      role="group"
      aria-label=${t(ctx.language, 'reactions.label')}
    >
      ${REACTION_TYPES.map((type) => {
        const summary = summaries.get(type);
        const count = summary?.count ?? 0;
        const label = t(ctx.language, `reaction.${type}`);
        return html`<button
          type="button"
          class="reaction"
          part="reaction"
          data-reaction=${type}
          aria-pressed=${summary?.reactedByMe ? 'true' : 'false'}
          @click=${() => ctx.react(kudos, type)}
        >
          ${reactionIcon(type)}
          <span>${label}</span>${' '}<span part="reaction-count">${count}</span>
        </button>`;
      })}
      ${total > 0
        ? html`<button
            type="button"
            class="link-button"
            part="reactors-toggle"
            aria-expanded=${reactors ? 'true' : 'false'}
            aria-controls=${panelId}
            @click=${() => ctx.toggleReactors(kudos)}
          >
            ${t(ctx.language, reactors ? 'reactors.hide' : 'reactors.show')}
          </button>`
        : nothing}
    </div>
    ${reactors ? renderReactors(ctx, reactors, panelId) : nothing}`;
}

function renderReactors(ctx: ItemContext, reactors: ReactorsState, panelId: string): TemplateResult {
  let content: TemplateResult | string;
  if (reactors.status === 'loading') content = t(ctx.language, 'reactors.loading');
  else if (reactors.status === 'error') content = t(ctx.language, 'reactors.error');
  else if (reactors.byType.length === 0) content = t(ctx.language, 'reactors.none');
  else
    content = html`${reactors.byType.map(
      ({ type, names }) =>
        html`<li>
          ${reactionIcon(type)}
          ${t(ctx.language, 'reactors.heading', {
            reaction: t(ctx.language, `reaction.${type}`),
            names: listOfNames(ctx.language, names),
          })}
        </li>`,
    )}`;
  return html`<ul class="reactors" part="reactors" id=${panelId} role="list">
    ${typeof content === 'string' ? html`<li>${content}</li>` : content}
  </ul>`;
}

/** One delivered kudos, as an `article` of the ARIA feed. */
export function renderKudosItem(
  ctx: ItemContext,
  kudos: Kudos,
  index: number,
  setSize: number,
): TemplateResult {
  const headingId = `kudos-${kudos.id}`;
  return html`<article
    class="item"
    part="item"
    data-kudos-id=${kudos.id}
    tabindex="-1"
    aria-labelledby=${headingId}
    aria-posinset=${index + 1}
    aria-setsize=${setSize}
  >
    <div class="card" part="card">
      ${renderPeople(ctx, kudos.from, kudos.to, headingId)}
      <div class="meta" part="meta">
        ${renderValue(ctx, kudos.value)} ${renderTime(ctx, kudos.id, kudos.createdAt)}
      </div>
      <p
        class="message"
        part="message"
        lang=${contentMarks(kudos.lang, ctx.language).lang ?? nothing}
        dir="auto"
      >
        <span class="message-text">${renderMessage(kudos.message, t(ctx.language, 'item.newTab'))}</span>
      </p>
      ${renderReactions(ctx, kudos)}
    </div>
  </article>`;
}

/** An unconfirmed send from the outbox: "sending", or "not sent" with retry and discard. */
export function renderPendingItem(ctx: ItemContext, entry: PendingKudos, giverId: string): TemplateResult {
  const input = entry.input;
  const headingId = `pending-${entry.id}`;
  const statusKey: KudosStringKey =
    entry.state === 'failed' ? 'item.failed' : entry.state === 'waiting' ? 'item.waiting' : 'item.sending';
  return html`<article
    class="item"
    part="item pending-item"
    data-outbox-id=${entry.id}
    data-state=${entry.state}
    tabindex="-1"
    aria-labelledby=${headingId}
  >
    <div class="card pending ${entry.state}" part="card">
      ${renderPeople(ctx, giverId, input.to, headingId)}
      <div class="meta" part="meta">${renderValue(ctx, input.value)}</div>
      <p class="message" part="message" dir="auto">
        <span class="message-text">${renderMessage(input.message, t(ctx.language, 'item.newTab'))}</span>
      </p>
      <div class="status-line" part="pending-status">
        <span
          >${entry.state === 'failed' && entry.error
            ? // Refused by the server: say why, in the server's words, as every other unsent write does.
              translate(outboxStrings, ctx.language, 'outbox.failed', { reason: entry.error })
            : t(ctx.language, statusKey)}</span
        >
        ${entry.state === 'sending'
          ? nothing
          : html`<button type="button" class="action primary" part="retry" @click=${() => ctx.retry(entry)}>
                ${t(ctx.language, 'item.retry')}
              </button>
              <button type="button" class="action" part="discard" @click=${() => ctx.discard(entry)}>
                ${t(ctx.language, 'item.discard')}
              </button>`}
      </div>
    </div>
  </article>`;
}
