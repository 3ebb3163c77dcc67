import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators/property.js';
import { Task } from '@lit/task';
import { KringMetricsElement } from '../shared/metrics-element.js';
import {
  announceAfterFirstLoad,
  renderProblems,
  renderTaskStates,
  taskAnnouncement,
} from '../shared/metrics-states.js';
import { heading } from '../shared/metrics-heading.js';
import { translatePlural } from '../../i18n/index.js';
import { metricsStrings } from '../../i18n/metrics.js';
import type { Person, PioneerRank } from '../../model.js';
import { t } from '../shared/metrics-format.js';
import { pioneersStyles } from './pioneers.styles.js';

export const DEFAULT_PIONEER_LIMIT = 10;
export const MAX_PIONEER_LIMIT = 100;

interface RankedPerson {
  rank: PioneerRank;
  person: Person | null;
}

/**
 * Ranks the colleagues who connect departments, for a community manager choosing a starting group
 * (step 1 of building a community). The measure (docs/metrics.md, "Pioneers") counts the other
 * departments a person reached through public acts only: kudos, endorsements and accepted
 * invitations. Views and reads never count. Each person's reason is shown.
 *
 * @tagname kring-pioneers
 * @summary Colleagues who bridge departments, with the reason for each.
 * @csspart header - Title and explanation.
 * @csspart list - The ranked list.
 * @csspart pioneer - One person in the list.
 * @csspart rank - The position number.
 * @csspart name - The person's name.
 * @csspart meta - Title and department.
 * @csspart reach - How many other departments the person reaches.
 * @csspart reasons - The acts behind it.
 * @csspart status - Loading and empty messages.
 * @csspart problem - Errors and configuration messages.
 * @csspart retry - The retry button.
 * @csspart note - The introduction under the title.
 * @cssproperty --kring-color-surface - Background.
 * @cssproperty --kring-color-text - Text colour.
 * @cssproperty --kring-color-text-muted - Secondary text.
 * @cssproperty --kring-color-border - Separators.
 * @cssproperty --kring-color-accent - Rank badge and buttons.
 * @cssproperty --kring-radius - Corner radius.
 * @cssproperty --kring-space - Spacing.
 */
export class KringPioneers extends KringMetricsElement {
  static override styles = pioneersStyles;

  /** How many people to list, 1–100 (default 10). */
  @property({ attribute: 'limit' }) limit?: string;

  private readonly pioneersTask = new Task(this, {
    task: async ([client, limit], { signal }): Promise<RankedPerson[] | undefined> => {
      if (!client || client.capabilities.metrics === false) return undefined;
      const ranks = await client.pioneers({ limit }, { signal });
      const people = ranks.length
        ? await client.people(
            ranks.map((rank) => rank.personId),
            { signal },
          )
        : [];
      return ranks.map((rank, index) => ({ rank, person: people[index] ?? null }));
    },
    args: () => [this.client, this.shownLimit] as const,
  });

  get shownLimit(): number {
    return parseLimit(this.limit) ?? DEFAULT_PIONEER_LIMIT;
  }

  protected readonly checkedAttributes = ['limit'];

  protected checkOwnAttributes(): void {
    if (this.limit && parseLimit(this.limit) === undefined) {
      this.reportProblem(t('en', 'pioneers.badLimit', { tag: this.localName, value: this.limit }));
    }
  }

  protected override render() {
    if (this.notConnected) return this.renderNotConnected();
    return html`
      <div part="header">
        ${heading(this.titleLevel, this.text('pioneers.title'), { className: 'title' })}
        <p part="note">${this.text('pioneers.intro')}</p>
      </div>
      ${renderProblems(this.attributeProblems)}
      ${renderTaskStates({
        client: this.client,
        lang: this.language,
        task: this.pioneersTask,
        data: (ranked) => this.renderList(ranked),
        // Management may read the figures but not this list (it names people): say so, without a retry.
        forbidden: this.text('pioneers.forbidden'),
      })}
    `;
  }

  /** Loading and the title, said through the page's announcement queue when the list loads again. */
  protected readonly announcer = announceAfterFirstLoad(
    this,
    () => this.announcement(),
    () => this.language,
    () => this.pioneersTask.status,
  );

  private announcement(): string {
    return taskAnnouncement(this.pioneersTask.status, this.text('pioneers.title'));
  }

  private renderList(ranked: RankedPerson[]): TemplateResult {
    if (!ranked.length) return html`<p part="status">${this.text('pioneers.empty')}</p>`;
    const lang = this.language;
    return html`<ol part="list">
      ${ranked.map(({ rank, person }, index) => {
        const meta = [person?.title, person?.department].filter(Boolean).join(' · ');
        return html`<li part="pioneer" data-person=${rank.personId}>
          <span part="rank" aria-hidden="true">${index + 1}</span>
          <div>
            <p part="name">${person?.name ?? this.text('pioneers.unknown', { id: rank.personId })}</p>
            ${meta
              ? html`<p
                  part="meta"
                  lang=${this.contentMarks.lang ?? nothing}
                  dir=${this.contentMarks.dir ?? nothing}
                >
                  ${meta}
                </p>`
              : nothing}
            <p part="reach">
              ${translatePlural(metricsStrings, lang, 'pioneers.reach', rank.departmentsReached)}
            </p>
            <p part="reasons">
              ${rank.reasons
                .map((reason) =>
                  translatePlural(metricsStrings, lang, `reason.${reason.kind}`, reason.departments, {
                    times: reason.count,
                  }),
                )
                .join(' · ')}
            </p>
          </div>
        </li>`;
      })}
    </ol>`;
  }
}

function parseLimit(value: string | undefined): number | undefined {
  if (value === undefined || value === null || value.trim() === '') return undefined;
  if (!/^\d+$/.test(value.trim())) return undefined;
  const limit = Number(value);
  return limit >= 1 && limit <= MAX_PIONEER_LIMIT ? limit : undefined;
}
