import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators/property.js';
import { state } from 'lit/decorators/state.js';
import { repeat } from 'lit/directives/repeat.js';
import { Task } from '@lit/task';
import { KringElement } from '../shared/kring-element.js';
import { ClientChangesController } from '../shared/client-changes.js';
import { PendingWritesController, pendingWritesStyles } from '../shared/pending-writes.js';
import { expertiseStrings, type ExpertiseKey } from '../../i18n/expertise.js';
import { translate, translatePlural, type MessageParams } from '../../i18n/index.js';
import { toBackendError } from '../../errors.js';
import type { CommunityClientApi } from '../../client/types.js';
import { SKILL_LEVELS, type Person, type Skill } from '../../model.js';
import { KringEndorseEvent } from '../../events/people.js';
import { allowedValue } from '../../attribute-values.js';
import { skillListStyles } from './skill-list.styles.js';

export const SKILL_LIST_VIEWS = ['compact', 'full'] as const;
export type SkillListView = (typeof SKILL_LIST_VIEWS)[number];

const DEFAULT_MAX = 5;

/** Strongest first for the compact view: level, then endorsements, then name. */
function byStrength(a: Skill, b: Skill): number {
  return (
    SKILL_LEVELS.indexOf(b.level) - SKILL_LEVELS.indexOf(a.level) ||
    b.endorsements - a.endorsements ||
    a.name.localeCompare(b.name)
  );
}

/**
 * A person's skills with level and endorsement counts. In the `full` view colleagues can endorse
 * or un-endorse each skill with one click or key press (optimistic, rolled back on failure); the
 * buttons are not shown on your own skills. Counts update in every element on the page at once.
 *
 * @tagname kring-skill-list
 * @summary Skills with levels and endorsements, and endorse toggles in the full view.
 * @csspart pending-writes - Unsent changes of this kind: waiting for the network, or refused by the server.
 * @csspart pending-write - One unsent change (`data-state`: `sending`, `waiting` or `failed`).
 * @csspart pending-write-what - What the change was.
 * @csspart pending-write-state - Its state, with the server's message when refused.
 * @csspart write-retry - Sends a refused change again.
 * @csspart write-discard - Drops an unsent change.
 * @csspart pending-write-expired - Changes dropped after waiting too long (7 days).
 * @csspart write-dismiss - Hides the notice about dropped changes.
 * @csspart list - The list of skills.
 * @csspart skill - One skill.
 * @csspart skill-name - The skill's name.
 * @csspart level - The level (learning, practitioner, expert).
 * @csspart tags - "ask me about", "can mentor", "wants to learn".
 * @csspart count - The endorsement count.
 * @csspart endorse - The endorse toggle button (`aria-pressed`).
 * @csspart more - "+3 more" in the compact view.
 * @csspart empty - Shown when the person lists no skills.
 * @csspart message - The outcome of the last endorsement (also said through the page's announcement queue).
 * @csspart problem - Shown instead of the content while no community is connected (no `<kring-community>`, or its backend failed).
 * @cssproperty --kring-color-surface - Background of chips and buttons.
 * @cssproperty --kring-color-text - Main text colour.
 * @cssproperty --kring-color-text-muted - Levels, tags and counts.
 * @cssproperty --kring-color-border - Chip borders.
 * @cssproperty --kring-color-accent - Endorse button and the endorsed state.
 * @cssproperty --kring-color-on-accent - Text on an endorsed button.
 * @cssproperty --kring-color-danger - Failure messages.
 * @cssproperty --kring-radius - Corner radius.
 * @cssproperty --kring-space - Spacing.
 * @event {KringEndorseEvent} kring-endorse - An endorsement was confirmed or removed; `detail.personId`, `detail.skill`, `detail.endorsed`, `detail.endorsements`.
 */
export class KringSkillList extends KringElement {
  static override styles = [skillListStyles, pendingWritesStyles];

  /** Whose skills to show. */
  @property({ attribute: false }) person?: Person;

  /** `compact` (default): the strongest skills as chips; `full`: every skill with endorse toggles. */
  @property({ attribute: 'view', reflect: true }) view: string = 'compact';

  /** How many skills the compact view shows before "+N more". */
  @property({ attribute: 'max', type: Number }) max = DEFAULT_MAX;

  /** The skills as shown, including changes not yet confirmed. */
  @state() private skills: Skill[] = [];
  @state() private message?: { text: string; failed: boolean };
  /** Skills with a write in flight; a second press waits for the first (one endorsement per skill). */
  @state() private pending = new Set<string>();

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.clearProblems();
    this.checkAttribute('view', this.view, SKILL_LIST_VIEWS, 'compact');
    if (!(Number.isInteger(this.max) && this.max > 0)) {
      this.reportProblem(
        `<kring-skill-list> max="${this.max}" is not valid; use a whole number of 1 or more.`,
      );
    }
    if (changed.has('person')) this.adoptSkills(this.person?.skills ?? []);
  }

  private get currentView(): SkillListView {
    return allowedValue(this.view, SKILL_LIST_VIEWS) ?? 'compact';
  }

  /** Takes new skills from outside, keeping the optimistic state of skills still being saved. */
  private adoptSkills(incoming: readonly Skill[]): void {
    const shown = new Map(this.skills.map((skill) => [skill.name, skill]));
    this.skills = incoming.map((skill) =>
      this.pending.has(skill.name) ? (shown.get(skill.name) ?? skill) : { ...skill },
    );
  }

  /** Endorsements of this person not yet confirmed: waiting for the network, or refused. */
  protected readonly pendingWrites = new PendingWritesController(
    this,
    () => this.client,
    () => this.language,
    ['endorseSkill', 'unendorseSkill'],
    (entry) =>
      (entry.kind === 'endorseSkill' || entry.kind === 'unendorseSkill') &&
      entry.input.personId === this.person?.id,
  );

  /** Another element's write may change this person's counts. */
  protected readonly changes = new ClientChangesController(
    this,
    () => this.client,
    ['people'],
    (change, client) => {
      const id = this.person?.id;
      if (!id || (change.ids && !change.ids.includes(id))) return;
      void this.refresh(client, id);
    },
  );

  /** Who is viewing decides who may endorse; without a known user nobody can endorse here. */
  private readonly viewer = new Task(this, {
    args: () => [this.client] as const,
    task: ([client], { signal }) => client?.currentUser({ signal }),
  });

  private get currentUserId(): string | undefined {
    return this.viewer.value?.id;
  }

  /** Another element (or another tab's write) changed this person: show the new counts. */
  private async refresh(client: CommunityClientApi, id: string): Promise<void> {
    try {
      const fresh = await client.person(id);
      if (fresh && this.person?.id === id) this.adoptSkills(fresh.skills);
    } catch {
      // Keep what is shown; the next change will try again.
    }
  }

  private get canEndorse(): boolean {
    return (
      this.currentView === 'full' &&
      Boolean(this.client?.capabilities?.endorsements ?? true) &&
      this.currentUserId !== undefined &&
      this.person !== undefined &&
      this.currentUserId !== this.person.id
    );
  }

  private async toggle(skill: Skill): Promise<void> {
    const client = this.client;
    const person = this.person;
    if (!client || !person || this.pending.has(skill.name) || !this.canEndorse) return;
    const endorse = !skill.endorsedByMe;
    const before = { ...skill };
    this.pending = new Set(this.pending).add(skill.name);
    this.replaceSkill({
      ...skill,
      endorsedByMe: endorse,
      endorsements: Math.max(0, skill.endorsements + (endorse ? 1 : -1)),
    });
    this.message = undefined;
    try {
      const confirmed = endorse
        ? await client.endorseSkill(person.id, skill.name)
        : await client.unendorseSkill(person.id, skill.name);
      this.settle(skill.name);
      this.replaceSkill({ ...confirmed, name: skill.name });
      this.showMessage(this.t(endorse ? 'skills.saved' : 'skills.removed', { skill: skill.name }), false);
      this.dispatchEvent(
        new KringEndorseEvent({
          personId: person.id,
          skill: skill.name,
          endorsed: confirmed.endorsedByMe,
          endorsements: confirmed.endorsements,
        }),
      );
    } catch (error) {
      this.settle(skill.name);
      this.replaceSkill(before);
      this.showMessage(
        this.t('skills.failed', { skill: skill.name, message: toBackendError(error).message }),
        true,
      );
    }
  }

  /** Shows the outcome under the skills and says it through the page's announcement queue. */
  private showMessage(text: string, failed: boolean): void {
    this.message = { text, failed };
    this.announce(text);
  }

  private settle(name: string): void {
    const next = new Set(this.pending);
    next.delete(name);
    this.pending = next;
  }

  private replaceSkill(updated: Skill): void {
    this.skills = this.skills.map((skill) => (skill.name === updated.name ? updated : skill));
  }

  private t(key: ExpertiseKey, params?: MessageParams): string {
    return translate(expertiseStrings, this.language, key, params);
  }

  protected override render() {
    // Skills handed over as a property still show; only endorsing needs the community.
    if (this.notConnected && !this.person) return this.renderNotConnected();
    const problems = this.attributeProblems.map(
      (problem) => html`<p part="message" class="failed">${problem}</p>`,
    );
    if (!this.person) return html`${problems}`;
    const label = this.t('skills.labelFor', { name: this.person.name });
    if (!this.skills.length)
      return html`${problems}
        <p part="empty">${this.t('skills.empty')}</p>`;
    return html`${problems}
      ${this.currentView === 'full' ? this.renderFull(label) : this.renderCompact(label)}
      <p part="message" class=${this.message?.failed ? 'failed' : ''}>${this.message?.text ?? ''}</p>
      ${this.pendingWrites.render()}`;
  }

  private renderCompact(label: string) {
    const max = Number.isFinite(this.max) && this.max > 0 ? Math.floor(this.max) : DEFAULT_MAX;
    const strongest = [...this.skills].sort(byStrength);
    const shown = strongest.slice(0, max);
    const hidden = strongest.length - shown.length;
    return html`<ul part="list" class="compact" aria-label=${label}>
      ${shown.map(
        (skill) =>
          html`<li part="skill">
            <span part="skill-name">${skill.name}</span>
            <span part="level">${this.t(`skills.level.${skill.level}` as ExpertiseKey)}</span>
            ${skill.endorsements
              ? html`<span part="count"
                  >${translatePlural(
                    expertiseStrings,
                    this.language,
                    'skills.count',
                    skill.endorsements,
                  )}</span
                >`
              : nothing}
          </li>`,
      )}
      ${hidden > 0 ? html`<li part="more">${this.t('skills.more', { count: hidden })}</li>` : nothing}
    </ul>`;
  }

  private renderFull(label: string) {
    const canEndorse = this.canEndorse;
    return html`<ul part="list" class="full" aria-label=${label}>
      ${repeat(
        this.skills,
        (skill) => skill.name,
        (skill) => {
          const tags = skill.tags
            .map((tag) =>
              this.t(
                tag === 'askMeAbout'
                  ? 'skills.askMe'
                  : tag === 'ableToMentor'
                    ? 'skills.mentor'
                    : 'skills.wantsToLearn',
              ),
            )
            .join(' · ');
          return html`<li part="skill">
            <span class="what">
              <span part="skill-name">${skill.name}</span>
              <span part="level">${this.t(`skills.level.${skill.level}` as ExpertiseKey)}</span>
              ${tags ? html`<span part="tags">${tags}</span>` : nothing}
            </span>
            <span part="count"
              >${translatePlural(expertiseStrings, this.language, 'skills.count', skill.endorsements)}</span
            >
            ${canEndorse
              ? html`<button
                  type="button"
                  part="endorse"
                  aria-pressed=${skill.endorsedByMe ? 'true' : 'false'}
                  aria-label=${this.t('skills.endorse', { skill: skill.name })}
                  aria-disabled=${this.pending.has(skill.name) ? 'true' : 'false'}
                  @click=${() => void this.toggle(skill)}
                >
                  <span aria-hidden="true">${skill.endorsedByMe ? '✓' : '+'}</span>
                  ${this.t('skills.endorseShort')}
                </button>`
              : nothing}
          </li>`;
        },
      )}
    </ul>`;
  }
}
