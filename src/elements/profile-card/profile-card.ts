import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators/property.js';
import { KringElement } from '../shared/kring-element.js';
import { avatarClass, initials, safeImageUrl, safeUrl } from '../shared/avatar.js';
import { profileCardStrings } from '../../i18n/profile-card.js';
import { formatDate, translate, translatePlural, type MessageParams } from '../../i18n/index.js';
import type { Person, PersonLink } from '../../model.js';
import { ClientChangesController } from '../shared/client-changes.js';
import { LoadController } from '../shared/load-controller.js';
import { isBackendError } from '../../errors.js';
import { profileCardStyles } from './profile-card.styles.js';
import { KringPersonLoadEvent } from '../../events/person-load.js';
import { iconStyles } from '../shared/icons.js';
import { PersonHoverController, personHoverStyles } from '../shared/person-hover.js';
import { requireElement } from '../../autoload.js';

export const PROFILE_CARD_VIEWS = ['compact', 'full'] as const;
export type ProfileCardView = (typeof PROFILE_CARD_VIEWS)[number];

type LinkIcon = 'mail' | 'chat' | 'web';

/**
 * The contact links, one template each with its icon written in (20 × 20 line icons drawn like
 * `shared/icons.ts` says, in `iconStyles`; decorative: the link carries the name): a page of cards builds
 * hundreds of these, and a control and its icon as one template is one clone, not two. No white space
 * between elements (see renderPerson).
 */
// prettier-ignore
const ACTION_LINKS: Record<LinkIcon, (href: string, label: string) => TemplateResult> = {
  mail: (href, label) => html`<a part="action" class="action" href=${href} aria-label=${label} title=${label}
    ><svg class="icon" viewBox="0 0 20 20" aria-hidden="true"><path d="M4.5 4.5h11a2 2 0 0 1 2 2v7a2 2 0 0 1-2 2h-11a2 2 0 0 1-2-2v-7a2 2 0 0 1 2-2ZM3.2 6.2l6.8 4.9 6.8-4.9"></path></svg></a>`,
  chat: (href, label) => html`<a part="action" class="action" href=${href} aria-label=${label} title=${label}
    ><svg class="icon" viewBox="0 0 20 20" aria-hidden="true"><path d="M4 4.5h12A1.5 1.5 0 0 1 17.5 6v7a1.5 1.5 0 0 1-1.5 1.5H9.5l-4 3v-3H4A1.5 1.5 0 0 1 2.5 13V6A1.5 1.5 0 0 1 4 4.5Z"></path></svg></a>`,
  web: (href, label) => html`<a part="action" class="action" href=${href} aria-label=${label} title=${label}
    ><svg class="icon" viewBox="0 0 20 20" aria-hidden="true"><circle cx="10" cy="10" r="7.5"></circle><path d="M2.5 10h15M10 2.5c2.2 2.2 3 4.7 3 7.5s-.8 5.3-3 7.5c-2.2-2.2-3-4.7-3-7.5s.8-5.3 3-7.5Z"></path></svg></a>`,
};

/** How many skills the compact view lists. */
const COMPACT_SKILL_COUNT = 3;

/** A load that takes this long shows a pulsing skeleton; a quicker one never starts an animation. */
const PULSE_AFTER_MS = 400;

let pulseGroup: Set<() => void> | undefined;

/**
 * Calls `pulse` once PULSE_AFTER_MS have passed, unless it is taken out of the returned set first. The
 * skeletons shown in one task (a page of 200 cards) share one timer. A CSS animation with a delay did
 * this before, but each card then paid the browser an animation to create and cancel: about a tenth of
 * the CPU of a page of 200 compact cards that load quickly (issue 18).
 */
function pulseLater(pulse: () => void): Set<() => void> {
  if (!pulseGroup) {
    const group = new Set<() => void>();
    pulseGroup = group;
    setTimeout(() => group.forEach((start) => start()), PULSE_AFTER_MS);
    setTimeout(() => {
      if (pulseGroup === group) pulseGroup = undefined;
    });
  }
  pulseGroup.add(pulse);
  return pulseGroup;
}

/**
 * A person's card: photo or initials, name, title, department, location, top skills with
 * endorsements, and mail/chat/profile links.
 *
 * @tagname kring-profile-card
 * @summary Shows a colleague (or `me`) from the community directory.
 * @csspart card - The card box, in every state.
 * @csspart avatar - The photo or initials circle.
 * @csspart body - Everything right of the avatar.
 * @csspart name - The name line (a link when a profile URL is known).
 * @csspart name-button - The compact card's name when it has no link: opens the hover card.
 * @csspart person-card - The hover card (the full card of the person) opened from the compact card's name.
 * @csspart give-kudos - The hover card's "give kudos" button.
 * @csspart close-card - The hover card's close button.
 * @csspart title - The job title.
 * @csspart meta - Department and location.
 * @csspart about - "About me" text (full view).
 * @csspart skills - The list of skills.
 * @csspart skill - One skill.
 * @csspart skill-list - The endorsable skill list (full view).
 * @csspart kudos - Kudos received (full view).
 * @csspart badges - Ambassador badges.
 * @csspart links - The profile link and the contact actions.
 * @csspart action - A contact action: e-mail, chat, website (icon links with their names) and "copy the e-mail address" (a button).
 * @csspart kudos-action - The "give kudos to …" icon button among the actions (not on your own card), also an `action`.
 * @csspart kudos-dialog - The dialog it opens, holding a `<kring-kudos-composer>` for the person.
 * @csspart close-kudos - The dialog's close button.
 * @csspart problem - Not found, error and configuration messages.
 * @csspart retry - The retry button in the error state.
 * @cssproperty --kring-color-surface - Card background.
 * @cssproperty --kring-color-text - Main text colour.
 * @cssproperty --kring-color-text-muted - Secondary text colour.
 * @cssproperty --kring-color-border - Card and chip borders.
 * @cssproperty --kring-color-accent - Links and buttons.
 * @cssproperty --kring-color-skeleton - Loading placeholder colour.
 * @cssproperty --kring-radius - Corner radius.
 * @cssproperty --kring-space - Inner spacing.
 * @cssproperty --kring-avatar-size - Avatar diameter (default 3rem, full view 4.5rem).
 * @cssproperty --kring-font-family - Font (default: Segoe UI, else the system font).
 * @event {KringPersonLoadEvent} kring-person-load - The person was loaded; `detail.person`.
 */
export class KringProfileCard extends KringElement {
  static override styles = [profileCardStyles, personHoverStyles, iconStyles];

  /** Who to show: a person id, an e-mail address, or `me` for the signed-in user. */
  @property({ attribute: 'person' }) person = '';

  /**
   * `compact` (default) for lists, `full` for a profile page with about, all skills and badges.
   * Only `full` is written back to the attribute (the styles need it): a page of compact cards does not
   * pay an attribute write each.
   */
  @property({ attribute: 'view' }) view: string = 'compact';

  /** Link for the name when the backend gives no profile URL, e.g. `/people/{id}`. */
  @property({ attribute: 'href-template' }) hrefTemplate?: string;

  // Internal state as private fields that request their update, not `@state()` (bytes on every card page).
  /** A photo URL that did not load: initials instead. */
  #brokenPhoto?: string;

  /** The kudos dialog is open (it is rendered, with its composer, only then). */
  #composingKudos = false;

  #trackedFor?: string;

  /** The view this update renders: `view` checked once per update (in `willUpdate`). */
  #currentView: ProfileCardView = 'compact';

  /** The last render showed the loading skeleton. */
  #skeletonShown = false;
  /** The skeleton has been up for PULSE_AFTER_MS: it pulses. */
  #pulsing = false;
  /** While the skeleton shows: the waiting group this card's pulse is in. */
  #pulseWait?: Set<() => void>;
  readonly #startPulse = () => {
    this.#pulsing = true;
    this.requestUpdate();
  };

  /** The compact card's name opens the full card on hover or focus. */
  readonly #hover = new PersonHoverController(this, {
    language: () => this.language,
    client: () => this.client,
  });

  readonly #personTask = new LoadController(this, {
    // Only an opened (full) card asks for details such as skills; a page of compact cards does not.
    load: ([client, person, view], signal) => client.person(person, { signal, details: view === 'full' }),
    // Without a client or a person there is nothing to ask (the card shows its loading, not-connected or
    // no-person state), so nothing runs: a run would cost each card of a page one more render.
    args: () => {
      const person = this.person.trim();
      return this.client && person ? ([this.client, person, this.#currentView] as const) : undefined;
    },
  });

  /** A card re-loads when anything changes its person (an endorsement, kudos received, a photo). */
  protected readonly changes = new ClientChangesController(
    this,
    () => this.client,
    ['people'],
    (change) => {
      const shown = this.#personTask.value;
      if (!change.ids || (shown && change.ids.includes(shown.id))) void this.#personTask.run();
    },
  );

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.clearProblems();
    this.#currentView = this.checkAttribute('view', this.view, PROFILE_CARD_VIEWS, 'compact');
    if (changed.has('view') && (this.#currentView === 'full') !== (this.getAttribute('view') === 'full')) {
      this.setAttribute('view', this.#currentView);
    }
  }

  #t(key: Parameters<typeof translate<keyof typeof profileCardStrings.en>>[2], params?: MessageParams) {
    return translate(profileCardStrings, this.language, key, params);
  }

  protected override render() {
    this.#skeletonShown = false;
    if (!this.person.trim()) return this.#renderProblem(this.#t('card.noPerson'));
    if (!this.client)
      return this.notConnected ? this.#renderProblem(this.notConnectedMessage) : this.#renderLoading();
    const { status, value } = this.#personTask;
    if (status === 'error') return this.#renderError(this.#personTask.error);
    if (value) return this.#renderPerson(value);
    return status === 'complete'
      ? this.#renderProblem(this.#t('card.notFound'), this.#t('card.notFoundHint', { person: this.person }))
      : this.#renderLoading();
  }

  protected override updated(): void {
    this.#followPulse();
    const person = this.#personTask.value;
    if (!person || this.#trackedFor === person.id) return;
    this.#trackedFor = person.id;
    this.dispatchEvent(new KringPersonLoadEvent({ person }));
    if (this.#currentView === 'full' && this.person !== 'me') {
      this.client?.track({ type: 'profile-opened', subject: 'kring-profile-card' });
    }
  }

  /** A skeleton that stays up starts to pulse after PULSE_AFTER_MS (see `pulseLater`). */
  #followPulse(): void {
    if (this.#skeletonShown) {
      this.#pulseWait ??= pulseLater(this.#startPulse);
    } else if (this.#pulseWait) {
      this.#pulseWait.delete(this.#startPulse);
      this.#pulseWait = undefined;
      this.#pulsing = false;
    }
  }

  #renderLoading() {
    this.#skeletonShown = true;
    // One element: the avatar circle and the three lines are painted as its background, so a page of
    // 200 loading cards costs the browser 400 elements to style and lay out instead of 1 400.
    const pulse = this.#pulsing ? 'skeleton pulse' : 'skeleton';
    // No white space between elements (see renderPerson).
    // prettier-ignore
    return html`<div part="card" class=${pulse} aria-busy="true"><span class="visually-hidden"
      >${this.#t('card.loading')}</span></div>`;
  }

  #renderProblem(message: string, hint?: string) {
    return html`<div part="card">
      <p part="problem" class="problem"><strong>${message}</strong>${hint ? html`<br />${hint}` : nothing}</p>
    </div>`;
  }

  #renderError(error: unknown) {
    const reason = isBackendError(error) ? error.message : '';
    return html`<div part="card">
      <div part="problem" role="alert">
        <p>${this.#t('card.error', { reason })}</p>
        <button part="retry" type="button" @click=${() => this.#personTask.run()}>
          ${this.#t('card.retry')}
        </button>
      </div>
    </div>`;
  }

  #renderAvatar(person: Person) {
    // The photo is on its way (names come first): a plain circle, not initials that flip to a photo.
    if (person.photoPending) return html`<div part="avatar" class="photo-pending" aria-hidden="true"></div>`;
    const photo = safeImageUrl(person.photoUrl);
    if (photo && photo !== this.#brokenPhoto) {
      // A photo URL that does not load (moved, no access) falls back to initials, not a broken image.
      const fallBack = () => {
        this.#brokenPhoto = photo;
        this.requestUpdate();
      };
      // No white space between elements (see renderPerson).
      // prettier-ignore
      return html`<div part="avatar"><img src=${photo} alt="" loading="lazy" referrerpolicy="no-referrer"
        @error=${fallBack} /></div>`;
    }
    const initialsClass = avatarClass(person.name);
    return html`<div part="avatar" class=${initialsClass} aria-hidden="true">${initials(person.name)}</div>`;
  }

  #profileUrl(person: Person): string | undefined {
    const fromBackend = person.links.find((link) => link.kind === 'profile');
    if (fromBackend) return safeUrl(fromBackend.url);
    if (this.hrefTemplate)
      return safeUrl(this.hrefTemplate.replaceAll('{id}', encodeURIComponent(person.id)));
    return undefined;
  }

  #renderPerson(person: Person) {
    const full = this.#currentView === 'full';
    const profile = this.#profileUrl(person);
    const meta = [person.department, person.location].filter(Boolean).join(' · ');
    const { lang = nothing, dir = nothing } = this.contentMarks;
    const title = person.title ? html`<p part="title" lang=${lang} dir=${dir}>${person.title}</p>` : nothing;
    const metaLine = meta ? html`<p part="meta" lang=${lang} dir=${dir}>${meta}</p>` : nothing;
    // The full view's extras and the skills are one part, and the compact view's hover card one: a page
    // renders hundreds of compact cards, and every part of this template costs each of them. The
    // card's templates have no white space between elements (line breaks only inside tags, so Prettier
    // is told to leave them): each card cloned 23 white-space text nodes, 5 ms of CPU on a page of 200
    // compact cards (issue 18, docs/performance.md). Between blocks and flex items it was never shown.
    // prettier-ignore
    return html`<article part="card" aria-label=${person.name}>${this.#renderAvatar(person)}<div part="body"
      ><p part="name">${this.#renderName(person, profile, full)}</p>${title}${metaLine}${
        full ? this.#renderFullExtras(person) : this.#renderSkills(person, false)}${
        this.#renderLinks(person, profile)}</div
      >${full ? nothing : this.#hover.card()}</article>`;
  }

  /** The full view between the department and the links: details, skills, badges. */
  #renderFullExtras(person: Person) {
    return html`${this.#renderDetails(person)} ${this.#renderSkills(person, true)}
    ${this.#renderBadges(person)}`;
  }

  /** The full view's about text, kudos received and membership. */
  #renderDetails(person: Person) {
    return html`${person.about ? html`<p part="about">${person.about}</p>` : nothing}
    ${person.kudosReceived !== undefined
      ? html`<p part="kudos">
          ${translatePlural(profileCardStrings, this.language, 'card.kudos', person.kudosReceived)}
        </p>`
      : nothing}
    ${person.isMember && person.joinedAt
      ? html`<p part="meta">
          ${this.#t('card.member', { date: formatDate(this.language, person.joinedAt) })}
        </p>`
      : nothing}`;
  }

  #renderName(person: Person, profile: string | undefined, full: boolean) {
    const name = profile ? html`<a href=${profile}>${person.name}</a>` : person.name;
    if (full) return name;
    return profile
      ? this.#hover.wrap('name', person.id, person.name, name)
      : this.#hover.button('name', person.id, person.name, person.name, 'name-button', true);
  }

  #renderSkills(person: Person, full: boolean) {
    if (!person.skills.length) return nothing;
    const skills = [...person.skills]
      .sort((a, b) => b.endorsements - a.endorsements || a.name.localeCompare(b.name))
      .slice(0, full ? undefined : COMPACT_SKILL_COUNT);
    const list = html`<ul part="skills" aria-label=${this.#t('card.skills')}>
      ${skills.map(
        (skill) =>
          html`<li part="skill">
            ${skill.name}${skill.endorsements
              ? html` <span aria-hidden="true">·</span>
                  <span
                    >${translatePlural(
                      profileCardStrings,
                      this.language,
                      'card.endorsements',
                      skill.endorsements,
                    )}</span
                  >`
              : nothing}
          </li>`,
      )}
    </ul>`;
    // The full view lets colleagues endorse; until <kring-skill-list> is loaded the plain list shows.
    if (!full) return list;
    requireElement('kring-skill-list');
    return html`<kring-skill-list part="skill-list" .person=${person} view="full">${list}</kring-skill-list>`;
  }

  #renderBadges(person: Person) {
    // Only the full view: badges are a lookup per person, which a page of compact cards must not pay.
    if (!this.client?.capabilities.ambassadors) return nothing;
    requireElement('kring-ambassador-badge');
    return html`<kring-ambassador-badge part="badges" person=${person.id} size="m"></kring-ambassador-badge>`;
  }

  #renderLinks(person: Person, profile: string | undefined) {
    const name = person.name;
    // Contact actions as icons with their names (as in the Microsoft 365 profile card); the
    // profile link, a destination rather than an action, stays a text link.
    const actions: { href: string; label: string; icon: LinkIcon }[] = [];
    // Your own card offers no "Chat with" yourself.
    const own = this.person === 'me' || this.client?.peekPerson('me')?.id === person.id;
    const mail = safeUrl(person.email ? `mailto:${person.email}` : undefined);
    if (mail) actions.push({ href: mail, label: this.#t('card.mail', { name }), icon: 'mail' });
    for (const link of person.links) {
      const href = safeUrl(link.url);
      if (!href || link.kind === 'profile' || (link.kind === 'mail' && mail)) continue;
      if (own && link.kind === 'chat') continue;
      const label = link.label ?? this.#t(linkLabel(link), { name });
      actions.push({
        href,
        label,
        icon: link.kind === 'chat' ? 'chat' : link.kind === 'mail' ? 'mail' : 'web',
      });
    }
    const showProfile = profile && this.#currentView === 'full';
    if (!actions.length && !showProfile) return nothing;
    // One template per action, its icon inlined (a page of cards builds hundreds of these); the full view
    // puts its profile link first, in the same part.
    const links: unknown[] = actions.map((action) => ACTION_LINKS[action.icon](action.href, action.label));
    if (showProfile)
      links.unshift(html`<a class="profile-link" href=${profile}>${this.#t('card.profile', { name })}</a>`);
    // No white space between elements (see renderPerson).
    // prettier-ignore
    return html`<div part="links">${links}${person.email ? this.#renderCopyMail(person) : nothing}${
      own ? nothing : this.#renderKudosAction(person)}</div>`;
  }

  #renderCopyMail(person: Person) {
    const label = this.#t('card.copyMail', { name: person.name });
    // No white space between elements (see renderPerson); the icon written in (see ACTION_LINKS).
    // prettier-ignore
    return html`<button part="action" class="action" type="button" aria-label=${label} title=${label}
      @click=${() => this.#copyMail(person)}><svg class="icon" viewBox="0 0 20 20" aria-hidden="true"><path d="M8.5 7H16a1.5 1.5 0 0 1 1.5 1.5V16a1.5 1.5 0 0 1-1.5 1.5H8.5A1.5 1.5 0 0 1 7 16V8.5A1.5 1.5 0 0 1 8.5 7ZM13 4.2V4a1.5 1.5 0 0 0-1.5-1.5H4A1.5 1.5 0 0 0 2.5 4v7.5A1.5 1.5 0 0 0 4 13h.5"></path></svg></button>`;
  }

  /**
   * "Give kudos to …" beside the contact actions: a dialog with a composer for this person. Not on
   * your own card, not where the backend has no kudos, and not in a hover card (it has its own button).
   */
  #renderKudosAction(person: Person) {
    if (!this.client?.capabilities.kudos || this.closest('.person-card')) return nothing;
    const label = this.#t('card.giveKudos', { name: person.name });
    // The dialog exists only while it is open: a page of cards does not build one per card.
    if (this.#composingKudos) requireElement('kring-kudos-composer');
    // prettier-ignore
    return html`<button part="action kudos-action" class="action" type="button" aria-label=${label}
      title=${label} aria-haspopup="dialog" aria-expanded=${String(this.#composingKudos)}
      @click=${this.#openKudos}><svg class="icon" viewBox="0 0 20 20" aria-hidden="true"><path d="m10 2.8 2.2 4.6 5 .7-3.6 3.5.9 5L10 14.2l-4.5 2.4.9-5-3.6-3.5 5-.7Z"></path></svg></button>${this.#composingKudos
      ? html`<dialog part="kudos-dialog" aria-label=${label} @close=${this.#kudosClosed}>
          <kring-kudos-composer to=${person.id} @kring-kudos-sent=${this.#closeKudos}></kring-kudos-composer>
          <button part="close-kudos" type="button" @click=${this.#closeKudos}>
            ${this.#t('card.closeKudos')}
          </button>
        </dialog>`
      : nothing}`;
  }

  get #kudosDialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog[part~="kudos-dialog"]');
  }

  #openKudos = async (): Promise<void> => {
    this.#composingKudos = true;
    this.requestUpdate();
    await this.updateComplete;
    const dialog = this.#kudosDialog;
    if (dialog && !dialog.open) dialog.showModal();
  };

  #closeKudos = (): void => {
    this.#kudosDialog?.close();
  };

  /** Closed by its button, Escape or a sent kudos: the focus goes back to the action. */
  #kudosClosed = (): void => {
    this.#composingKudos = false;
    this.requestUpdate();
    this.renderRoot.querySelector<HTMLElement>('[part~="kudos-action"]')?.focus();
  };

  #copyMail(person: Person): void {
    if (!person.email) return;
    // Clipboard access can be refused (an insecure page, a policy): then nothing is said.
    navigator.clipboard?.writeText(person.email).then(
      () => this.announce(this.#t('card.copied', { name: person.name })),
      () => undefined,
    );
  }
}

function linkLabel(link: PersonLink) {
  return link.kind === 'chat' ? 'card.chat' : link.kind === 'mail' ? 'card.mail' : 'card.web';
}
