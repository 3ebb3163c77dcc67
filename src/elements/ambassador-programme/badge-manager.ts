import { html, nothing, type ReactiveControllerHost } from 'lit';
import { Task } from '@lit/task';
import {
  AMBASSADOR_LEVELS,
  AMBASSADOR_ROLES,
  type AmbassadorLevel,
  type AmbassadorRole,
} from '../../model.js';
import type { BadgeAward, Person } from '../../model.js';
import type { CommunityClientApi } from '../../client/types.js';
import type { GrowthKey } from '../../i18n/growth.js';
import type { Language, MessageParams } from '../../i18n/index.js';
import { activeAwards } from '../../ambassadors/awards.js';
import { badgeName, levelName, roleName } from '../../ambassadors/labels.js';
import { KringBadgeChangeEvent } from '../../events/ambassadors.js';
import type { KringPeopleChangeEvent } from '../../events/people.js';
import { busyControl } from '../shared/async-focus.js';
import { headingAt } from '../shared/heading-level.js';
import { roleIcon } from '../shared/role-icons.js';
import { requireElement } from '../../autoload.js';

/** What the badge manager needs from the programme it sits in. */
export interface BadgeManagerHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export interface BadgeManagerOptions {
  client: () => CommunityClientApi | undefined;
  language: () => Language;
  t: (key: GrowthKey, params?: MessageParams) => string;
  /** Shows and announces an outcome. */
  tell: (text: string) => void;
  /** The programme's top heading level. */
  topLevel: () => number;
  /** Unique id prefix for the section's fields. */
  idPrefix: string;
  /** Runs one save with `setBusy` on meanwhile, showing its failure as the programme's error. */
  save: (setBusy: (on: boolean) => void, work: () => Promise<void>) => Promise<void>;
  /** Shows a failed read as the programme's error. */
  fail: (error: unknown) => void;
  focusIfLost: (...selectors: string[]) => Promise<void>;
}

/**
 * The community manager's section of `<kring-ambassador-programme>` (capability `manageBadges`): pick a
 * member, see their badges, award and revoke by hand. Fires `kring-badge-change` from the programme.
 */
export class BadgeManager {
  private managed?: Person;
  private badges?: BadgeAward[];
  private problem?: string;
  private busy = false;

  constructor(
    private readonly host: BadgeManagerHost,
    private readonly options: BadgeManagerOptions,
  ) {}

  render() {
    const { t, topLevel } = this.options;
    const language = this.options.language();
    const id = `${this.options.idPrefix}-manage`;
    requireElement('kring-people-picker');
    return html`<section part="manage">
      ${headingAt(topLevel(), 1, t('programme.manage.title'), { id: `${id}-title` })}
      <p class="muted">${t('programme.manage.help')}</p>
      <form class="stack" @submit=${this.award}>
        <kring-people-picker
          label=${t('programme.manage.person')}
          members-only
          .errorMessage=${this.problem ?? ''}
          @kring-people-change=${this.onManagedChange}
        ></kring-people-picker>
        <div class="inline-fields">
          ${selectField(`${id}-role`, 'role', t('programme.manage.role'), AMBASSADOR_ROLES, (role) =>
            roleName(language, role),
          )}
          ${selectField(`${id}-level`, 'level', t('programme.manage.level'), AMBASSADOR_LEVELS, (level) =>
            levelName(language, level),
          )}
          <button part="award" class="primary" type="submit" aria-disabled=${busyControl(this.busy)}>
            ${t('programme.manage.award')}
          </button>
        </div>
      </form>
      ${this.managed && this.badges
        ? html`${headingAt(topLevel(), 2, t('programme.manage.current', { name: this.managed.name }), {
            className: 'current-badges',
            tabindex: -1,
          })}
          ${this.badges.length === 0
            ? html`<p class="muted">${t('badge.none')}</p>`
            : html`<ul class="plain">
                ${this.badges.map((award) => {
                  const name = badgeName(language, award.role, award.level);
                  return html`<li class="row" data-badge=${award.id}>
                    <span>${roleIcon(award.role)} ${name}</span>
                    <button
                      part="revoke"
                      type="button"
                      aria-disabled=${busyControl(this.busy)}
                      @click=${() => this.revoke(award)}
                    >
                      ${t('programme.manage.revoke', { badge: name })}
                    </button>
                  </li>`;
                })}
              </ul>`}`
        : nothing}
    </section>`;
  }

  private readonly setBusy = (on: boolean): void => {
    this.busy = on;
    this.host.requestUpdate();
  };

  private readonly onManagedChange = async (event: KringPeopleChangeEvent): Promise<void> => {
    this.managed = event.detail.people[0];
    this.problem = undefined;
    this.badges = undefined;
    this.host.requestUpdate();
    await this.loadBadges();
  };

  /** The chosen member's badges: only the newest choice's are shown. */
  private readonly badgesTask = new Task(this.host, {
    autoRun: false,
    args: () => [this.options.client(), this.managed?.id] as const,
    task: async ([client, personId], { signal }) =>
      client && personId ? activeAwards(await client.listBadges(personId, { signal })) : undefined,
    onComplete: (badges) => (this.badges = badges ?? this.badges),
    onError: (error) => this.options.fail(error),
  });

  private loadBadges(): Promise<void> {
    return this.badgesTask.run();
  }

  private readonly award = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const client = this.options.client();
    if (!client || this.busy) return;
    const { t } = this.options;
    const person = this.managed;
    if (!person) {
      // Like every form error: the message sits under the field, which takes the focus so it is read.
      this.problem = t('programme.manage.pickFirst');
      this.host.requestUpdate();
      await this.host.updateComplete;
      this.host.renderRoot.querySelector<HTMLElement>('[part="manage"] kring-people-picker')?.focus();
      return;
    }
    const role = (form.elements.namedItem('role') as HTMLSelectElement).value as AmbassadorRole;
    const level = (form.elements.namedItem('level') as HTMLSelectElement).value as AmbassadorLevel;
    await this.options.save(this.setBusy, async () => {
      const award = await client.awardBadge({ personId: person.id, role, level });
      this.options.tell(
        t('programme.manage.awarded', {
          name: person.name,
          badge: badgeName(this.options.language(), role, level),
        }),
      );
      this.host.dispatchEvent(new KringBadgeChangeEvent({ award, action: 'award' }));
      await this.loadBadges();
    });
  };

  private async revoke(award: BadgeAward): Promise<void> {
    const client = this.options.client();
    if (!client || this.busy) return;
    await this.options.save(this.setBusy, async () => {
      const revoked = await client.revokeBadge(award.id);
      this.options.tell(
        this.options.t('programme.manage.revoked', {
          badge: badgeName(this.options.language(), award.role, award.level),
        }),
      );
      this.host.dispatchEvent(new KringBadgeChangeEvent({ award: revoked, action: 'revoke' }));
      await this.loadBadges();
      // The revoked badge's row (and its button) is gone: the list's heading takes the focus.
      await this.options.focusIfLost('.current-badges');
    });
  }
}

/** A labelled drop-down of fixed values, each shown by its name. */
function selectField<T extends string>(
  id: string,
  name: string,
  label: string,
  values: readonly T[],
  text: (value: T) => string,
) {
  return html`<div class="field">
    <label for=${id}>${label}</label>
    <select id=${id} name=${name}>
      ${values.map((value) => html`<option value=${value}>${text(value)}</option>`)}
    </select>
  </div>`;
}
