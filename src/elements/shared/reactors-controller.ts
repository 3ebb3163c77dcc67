import type { ReactiveControllerHost } from 'lit';
import type { CommunityClientApi } from '../../client/types.js';
import type { Kudos, Person } from '../../model.js';
import type { Language } from '../../i18n/index.js';
import { translate } from '../../i18n/index.js';
import { kudosStrings } from '../../i18n/kudos.js';
import { announce } from './announcer.js';
import type { ReactorsState } from './kudos-item.js';

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

/**
 * The "who reacted?" panels of a list of kudos: which are open, what each shows (loading, the names per
 * reaction, or an error), and saying an opened panel through the page's one announcement queue.
 */
export class ReactorsController {
  private open = new Map<string, ReactorsState>();

  constructor(
    private readonly host: Host,
    private readonly client: () => CommunityClientApi | undefined,
    private readonly language: () => Language,
  ) {}

  /** What the panel of this kudos shows; undefined while it is closed. */
  get(kudosId: string): ReactorsState | undefined {
    return this.open.get(kudosId);
  }

  /** Opens (and says) or closes the panel of this kudos. */
  toggle(kudos: Kudos): void {
    if (!this.open.has(kudos.id)) return void this.load(kudos, true);
    this.set(kudos.id, undefined);
  }

  /** Reads an open panel again (its kudos got another reaction). */
  refresh(kudos: Kudos): void {
    if (this.open.has(kudos.id)) void this.load(kudos);
  }

  /** Closes every panel (the list was loaded again). */
  closeAll(): void {
    this.open = new Map();
    this.host.requestUpdate();
  }

  /** Loads who reacted; `say` (the user opened the panel) says the outcome. A closed panel stays closed. */
  private async load(kudos: Kudos, say = false): Promise<void> {
    const client = this.client();
    if (!client) return;
    this.set(kudos.id, { status: 'loading' });
    let shown: ReactorsState;
    try {
      const types = kudos.reactions.filter((reaction) => reaction.count > 0).map((reaction) => reaction.type);
      const idsByType = await Promise.all(types.map((type) => client.listReactors(kudos.id, type)));
      const people = await client.people([...new Set(idsByType.flat())]);
      const names = new Map(
        people.filter((person): person is Person => !!person).map((person) => [person.id, person.name]),
      );
      const unknown = translate(kudosStrings, this.language(), 'item.unknownPerson');
      const byType = types.map((type, index) => ({
        type,
        names: idsByType[index].map((id) => names.get(id) ?? unknown),
      }));
      shown = { status: 'ready', byType };
    } catch {
      shown = { status: 'error' };
    }
    if (!this.open.has(kudos.id)) return;
    this.set(kudos.id, shown);
    if (say) await this.say(kudos.id);
  }

  private set(kudosId: string, state: ReactorsState | undefined): void {
    this.open = new Map(this.open);
    if (state) this.open.set(kudosId, state);
    else this.open.delete(kudosId);
    this.host.requestUpdate();
  }

  /** Says the panel as shown (it is not a live region of its own). */
  private async say(id: string): Promise<void> {
    await this.host.updateComplete;
    const panel = [...this.host.renderRoot.querySelectorAll('article[data-kudos-id]')]
      .find((article) => article.getAttribute('data-kudos-id') === id)
      ?.querySelector('[part="reactors"]');
    if (!panel) return;
    const spoken = (node: Node): string =>
      node instanceof Element && node.getAttribute('aria-hidden') === 'true'
        ? ''
        : node instanceof Element
          ? [...node.childNodes].map(spoken).join('')
          : (node.textContent ?? '');
    const text = [...panel.querySelectorAll('li')]
      .map((item) => spoken(item).replace(/\s+/g, ' ').trim())
      .join(' ');
    if (text) announce(this.host, text, this.language());
  }
}
