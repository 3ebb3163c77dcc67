import { html, nothing } from 'lit';
import { property } from 'lit/decorators/property.js';
import { state } from 'lit/decorators/state.js';
import { repeat } from 'lit/directives/repeat.js';
import { Task } from '@lit/task';
import { busyControl, focusIfLost } from '../shared/async-focus.js';
import { headingAt, topHeadingLevel } from '../shared/heading-level.js';
import { KringElement } from '../shared/kring-element.js';
import { ClientChangesController } from '../shared/client-changes.js';
import { PendingWritesController, pendingWritesStyles } from '../shared/pending-writes.js';
import { renderGrowthLoading, renderGrowthTask } from '../shared/growth-states.js';
import {
  AMBASSADOR_ROLES,
  type AmbassadorProfile,
  type AmbassadorRole,
  type Person,
  type RoleProgress,
} from '../../model.js';
import { growthStrings, type GrowthKey } from '../../i18n/growth.js';
import { translate, type MessageParams } from '../../i18n/index.js';
import { acceptsEvidence } from '../../ambassadors/criteria.js';
import { missingForNextLevel, nextLevel } from '../../ambassadors/progress.js';
import {
  criterionAmount,
  criterionTitle,
  formatList,
  levelName,
  roleName,
} from '../../ambassadors/labels.js';
import { ambassadorProgrammeStyles } from './ambassador-programme.styles.js';
import { BadgeManager } from './badge-manager.js';
import { KringAmbassadorRolesChangeEvent } from '../../events/ambassadors.js';
import { requireElement } from '../../autoload.js';

interface ProgrammeData {
  me: Person;
  profile: AmbassadorProfile;
}

const PROGRAMME_SKELETON = ['medium', 'long', 'medium'] as const;

let nextInstance = 0;

/**
 * The ambassador programme for the signed-in member: choose roles, see progress per criterion with
 * progress bars and what the next level needs, record evidence for presenting and writing, see and
 * download badges. Community managers (capability `manageBadges`) award and revoke badges by hand.
 *
 * @tagname kring-ambassador-programme
 * @summary Choose ambassador roles and follow your progress.
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
 * @csspart roles - The role choice.
 * @csspart save - The "save my roles" button.
 * @csspart role - One chosen role with its progress.
 * @csspart progress - A progress bar.
 * @csspart next - What the next level needs.
 * @csspart evidence - The evidence form.
 * @csspart badges - The member's badges.
 * @csspart manage - The community manager's award/revoke section.
 * @csspart award - The award button.
 * @csspart revoke - A revoke button.
 * @csspart status - The outcome of the last action (also said through the page's announcement queue).
 * @csspart error - Errors.
 * @csspart retry - Retry button.
 * @csspart problem - Shown instead of the content while no community is connected (no `<kring-community>`, or its backend failed).
 * @cssproperty --kring-color-surface - Background.
 * @cssproperty --kring-color-accent - Buttons and progress bars.
 * @cssproperty --kring-color-border - Role card borders.
 * @event {KringAmbassadorRolesChangeEvent} kring-ambassador-roles-change - Roles were saved; `detail.roles`.
 * @event {KringBadgeChangeEvent} kring-badge-change - A manager awarded or revoked a badge; `detail.award`, `detail.action`.
 */
export class KringAmbassadorProgramme extends KringElement {
  static override styles = [ambassadorProgrammeStyles, pendingWritesStyles];

  @state() private chosenRoles?: AmbassadorRole[];
  /** Level (2–6) of the element's top heading, so it fits the page's outline; sub-headings go one level deeper each. Default 2. */
  @property({ attribute: 'heading-level' }) headingLevel?: string;

  @state() private savingRoles = false;
  @state() private announcement = '';
  @state() private error?: string;
  @state() private evidenceProblem: Partial<Record<AmbassadorRole, string>> = {};

  private readonly idPrefix = `kring-programme-${++nextInstance}`;

  /** Roles, evidence and badge changes not yet confirmed: waiting for the network, or refused. */
  protected readonly pendingWrites = new PendingWritesController(
    this,
    () => this.client,
    () => this.language,
    ['chooseAmbassadorRoles', 'recordEvidence', 'awardBadge', 'revokeBadge'],
  );

  // Accepted invitations move recruiter progress, so invitation news matters too.
  protected readonly changes = new ClientChangesController(
    this,
    () => this.client,
    ['ambassadors', 'invites'],
    () => void this.dataTask.run(),
  );

  /** The community manager's award and revoke section. */
  private readonly badgeManager = new BadgeManager(this, {
    client: () => this.client,
    language: () => this.language,
    t: (key, params) => this.t(key, params),
    tell: (text) => this.tell(text),
    topLevel: () => this.topLevel,
    idPrefix: this.idPrefix,
    save: (setBusy, work) => this.saving(setBusy, work),
    fail: (error) => (this.error = this.saveError(error)),
    focusIfLost: (...selectors) => focusIfLost(this, ...selectors),
  });

  private readonly dataTask = new Task(this, {
    task: async ([client], { signal }): Promise<ProgrammeData | undefined> => {
      if (!client || !client.capabilities.ambassadors) return undefined;
      const me = await client.currentUser({ signal });
      const profile = await client.ambassadorProfile(me.id, { signal });
      return { me, profile };
    },
    args: () => [this.client] as const,
  });

  private t(key: GrowthKey, params?: MessageParams): string {
    return translate(growthStrings, this.language, key, params);
  }

  /** Shows the outcome in the status line and says it through the page's announcement queue. */
  private tell(text: string): void {
    this.announcement = text;
    this.announce(text);
  }

  protected override render() {
    if (this.notConnected) return this.renderNotConnected();
    const titleId = `${this.idPrefix}-title`;
    const body = !this.client
      ? renderGrowthLoading(this.language, PROGRAMME_SKELETON)
      : !this.client.capabilities.ambassadors
        ? html`<p>${this.t('error.unsupported')}</p>`
        : renderGrowthTask({
            lang: this.language,
            task: this.dataTask,
            lines: PROGRAMME_SKELETON,
            data: (data) => this.renderData(data),
          });
    return html`<section part="panel" aria-labelledby=${titleId}>
      ${headingAt(this.topLevel, 0, this.t('programme.title'), { id: titleId })}
      <p class="muted">${this.t('programme.intro')}</p>
      ${body} ${this.error ? html`<p part="error" role="alert">${this.error}</p>` : nothing}
      ${this.pendingWrites.render()}
      <p part="status">${this.announcement}</p>
    </section>`;
  }

  private renderData(data: ProgrammeData) {
    const selected = this.chosenRoles ?? data.profile.roles;
    const progressByRole = new Map(data.profile.progress.map((progress) => [progress.role, progress]));
    const savedRoles = data.profile.roles;
    requireElement('kring-ambassador-badge');
    return html`${this.renderRoleChoice(selected)}
      ${headingAt(this.topLevel, 1, this.t('programme.progress'))}
      ${savedRoles.length === 0
        ? html`<p class="muted">${this.t('programme.noRoles')}</p>`
        : html`<ul class="role-list">
            ${repeat(
              savedRoles,
              // Keyed: a role's row (and the evidence field the user is in) stays when others come or go.
              (role) => role,
              (role) => this.renderRole(role, progressByRole.get(role), data.me),
            )}
          </ul>`}
      ${headingAt(this.topLevel, 1, this.t('programme.badges'))}
      <kring-ambassador-badge part="badges" person=${data.me.id} size="l"></kring-ambassador-badge>
      ${this.client?.capabilities.manageBadges ? this.badgeManager.render() : nothing}`;
  }

  private renderRoleChoice(selected: readonly AmbassadorRole[]) {
    return html`<form part="roles" class="stack" @submit=${this.saveRoles}>
      <fieldset class="roles">
        <legend>${this.t('programme.chooseRoles')}</legend>
        ${AMBASSADOR_ROLES.map(
          (role) =>
            html`<label class="choice">
              <input
                type="checkbox"
                name="role"
                value=${role}
                .checked=${selected.includes(role)}
                aria-describedby="${this.idPrefix}-${role}-description"
                @change=${(event: Event) => this.toggleRole(role, (event.target as HTMLInputElement).checked)}
              />
              <span>
                <strong>${roleName(this.language, role)}</strong>
                <span class="muted" id="${this.idPrefix}-${role}-description"
                  >${this.t(`role.${role}.description`)}</span
                >
              </span>
            </label>`,
        )}
      </fieldset>
      <div class="actions">
        <button part="save" class="primary" type="submit" aria-disabled=${busyControl(this.savingRoles)}>
          ${this.t('programme.saveRoles')}
        </button>
      </div>
    </form>`;
  }

  private get topLevel(): number {
    return topHeadingLevel(this.headingLevel, 2);
  }

  private toggleRole(role: AmbassadorRole, on: boolean): void {
    // Read the latest choice, not the one captured at render: two quick clicks must both count.
    const next = new Set(this.chosenRoles ?? this.dataTask.value?.profile.roles ?? []);
    if (on) next.add(role);
    else next.delete(role);
    this.chosenRoles = AMBASSADOR_ROLES.filter((candidate) => next.has(candidate));
  }

  private async saveRoles(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (!this.client || this.savingRoles) return;
    const client = this.client;
    const roles = this.chosenRoles ?? this.dataTask.value?.profile.roles ?? [];
    await this.saving(
      (on) => (this.savingRoles = on),
      async () => {
        await client.chooseAmbassadorRoles(roles);
        this.tell(this.t('programme.rolesSaved'));
        this.dispatchEvent(new KringAmbassadorRolesChangeEvent({ roles: [...roles] }));
        // The choice shows until the reloaded profile carries it: no flicker back to the old roles.
        await this.dataTask.run();
        this.chosenRoles = undefined;
        // A role given up takes its evidence field with it: if the focus was there, Save takes it.
        await focusIfLost(this, '[part="save"]');
      },
    );
  }

  /** One save at a time per form: `busy` is on while it runs, and a failure is shown as the error. */
  private async saving(setBusy: (on: boolean) => void, save: () => Promise<void>): Promise<void> {
    setBusy(true);
    this.error = undefined;
    try {
      await save();
    } catch (error) {
      this.error = this.saveError(error);
    } finally {
      setBusy(false);
    }
  }

  private saveError(error: unknown): string {
    return this.t('error.save', { reason: error instanceof Error ? error.message : String(error) });
  }

  private renderRole(role: AmbassadorRole, progress: RoleProgress | undefined, me: Person) {
    const headingId = `${this.idPrefix}-${role}-heading`;
    return html`<li part="role" aria-labelledby=${headingId} data-role=${role}>
      <header>
        ${headingAt(this.topLevel, 2, roleName(this.language, role), { id: headingId })}
        <span class="chip"
          >${progress?.level
            ? this.t('programme.levelReached', { level: levelName(this.language, progress.level) })
            : this.t('programme.noLevel')}</span
        >
      </header>
      ${progress ? this.renderProgress(role, progress) : nothing}
      ${acceptsEvidence(role) ? this.renderEvidenceForm(role, me) : nothing}
    </li>`;
  }

  private renderProgress(role: AmbassadorRole, progress: RoleProgress) {
    const upcoming = nextLevel(progress.level);
    const missing = missingForNextLevel(progress);
    return html`${progress.criteria.map((criterion) => {
        const labelId = `${this.idPrefix}-${role}-${criterion.criterion}`;
        return html`<div class="criterion">
          <span id=${labelId}
            >${this.t(
              criterion.current >= criterion.target
                ? 'programme.progressLabelMet'
                : 'programme.progressLabel',
              {
                criterion: criterionTitle(this.language, criterion.criterion),
                current: criterion.current,
                target: criterion.target,
              },
            )}</span
          >
          <progress
            part="progress"
            max=${criterion.target}
            .value=${Math.min(criterion.current, criterion.target)}
            aria-labelledby=${labelId}
          ></progress>
        </div>`;
      })}
      <p part="next">
        ${upcoming && missing.length
          ? this.t('programme.next', {
              level: levelName(this.language, upcoming),
              missing: formatList(
                this.language,
                missing.map((item) => criterionAmount(this.language, item.criterion, item.missing)),
              ),
            })
          : this.t('programme.champion')}
      </p>`;
  }

  private renderEvidenceForm(role: AmbassadorRole, me: Person) {
    const id = `${this.idPrefix}-${role}-evidence`;
    const problem = this.evidenceProblem[role];
    return html`<form
      part="evidence"
      class="stack"
      @submit=${(event: SubmitEvent) => this.addEvidence(event, role, me)}
    >
      <p class="muted">${this.t('programme.evidence.help')}</p>
      <div class="inline-fields">
        <div class="field">
          <label for="${id}-url">${this.t('programme.evidence.url')}</label>
          <input
            id="${id}-url"
            name="url"
            type="url"
            inputmode="url"
            aria-invalid=${problem ? 'true' : 'false'}
            aria-describedby=${problem ? `${id}-problem` : nothing}
          />
        </div>
        <div class="field">
          <label for="${id}-description">${this.t('programme.evidence.description')}</label>
          <input id="${id}-description" name="description" type="text" />
        </div>
        <button type="submit">${this.t('programme.evidence.submit')}</button>
      </div>
      ${problem ? html`<span id="${id}-problem" part="error">${problem}</span>` : nothing}
    </form>`;
  }

  private async addEvidence(event: SubmitEvent, role: AmbassadorRole, me: Person): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const urlInput = form.elements.namedItem('url') as HTMLInputElement;
    const description = (form.elements.namedItem('description') as HTMLInputElement).value.trim();
    const url = urlInput.value.trim();
    if (!isWebUrl(url)) {
      this.evidenceProblem = { ...this.evidenceProblem, [role]: this.t('programme.evidence.invalidUrl') };
      await this.updateComplete;
      urlInput.focus();
      return;
    }
    this.evidenceProblem = { ...this.evidenceProblem, [role]: undefined };
    try {
      await this.client!.recordEvidence({
        personId: me.id,
        role,
        url,
        ...(description ? { description } : {}),
      });
      form.reset();
      this.tell(this.t('programme.evidence.saved'));
      void this.dataTask.run();
    } catch (error) {
      this.error = this.saveError(error);
    }
  }
}

function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
