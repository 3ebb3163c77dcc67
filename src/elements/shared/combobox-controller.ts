import { noChange, type ReactiveController, type ReactiveControllerHost } from 'lit';
import {
  Directive,
  directive,
  PartType,
  type DirectiveResult,
  type ElementPart,
  type PartInfo,
} from 'lit/directive.js';
import { AnnounceOnChange } from './announcer.js';

/**
 * How the first option becomes active when a new list of options arrives; both are variants of the
 * WAI-ARIA combobox pattern with `aria-autocomplete="list"`.
 * - `manual`: no option is active until the arrow keys choose one; Enter without an active option
 *   stays with the field (the expertise finder: Enter searches at once).
 * - `automatic`: the first option is active, so Enter takes the best match and Down Arrow goes to the
 *   one after it (the people picker: the text only serves to find a person).
 */
export type ComboboxSelection = 'manual' | 'automatic';

export interface ComboboxOptions {
  /** Start of the ids in the host's shadow root, made unique per instance (`kring-finder-3-input`). */
  idPrefix: string;
  selection: ComboboxSelection;
  /** How many options the listbox shows now. */
  count: () => number;
  /** An option was chosen by keyboard (Enter on the active option). */
  choose: (index: number) => void;
  /** The arrow keys opened the popup: start a search if there is none to show. */
  opened?: () => void;
  /** The popup closed (Escape, Tab, or the host's own `close()`). */
  closed?: () => void;
  /** Enter without an active option; return whether it was used (else Enter does what it does natively, e.g. submits a form). */
  enter?: () => boolean;
  /** Escape while something on top of the popup is open (a hover card): close that first, return whether there was one. */
  dismissOverlay?: () => boolean;
  /** Escape with the popup closed: clear the field, return whether there was anything to clear. */
  clear?: () => boolean;
  /** Whether Tab leaves the popup open because its next stop is inside it (a Retry button, facets). */
  keepOpenOnTab?: (event: KeyboardEvent) => boolean;
  /** What to say after an update (a result count or an error): said once per change, through the page's queue. */
  announcement?: () => string;
  /** The language of `announcement`. */
  language?: () => string;
}

let instances = 0;

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: ParentNode };

/**
 * The ARIA combobox pattern (editable field + listbox popup, `aria-activedescendant`) for a Kring
 * element: open state, the active option, the keymap, ids, scrolling the active option into view and
 * the announcement of what the list shows. The focus stays in the field throughout.
 *
 * Keys (on the field):
 * - Down Arrow: opens the popup and activates the first option (Alt+Down: opens only); when open,
 *   the next option, wrapping to the first. Up Arrow: the same backwards; Alt+Up closes.
 * - Home / End: the first / last option once an option is active; otherwise they move the caret.
 * - Enter: chooses the active option; else `enter()` decides.
 * - Escape: closes an overlay, else the popup, else clears the field (`clear()`); when it did
 *   something it stops there (a dialog around the element stays open).
 * - Tab: closes the popup unless `keepOpenOnTab()`; never chooses.
 */
export class ComboboxController implements ReactiveController {
  private isOpen = false;
  private active = -1;
  /** The arrow keys opened the popup before its options arrived: the option to activate then. */
  private wanted?: 'first' | 'last';
  private readonly prefix: string;

  constructor(
    private readonly host: Host,
    private readonly options: ComboboxOptions,
  ) {
    host.addController(this);
    this.prefix = `${options.idPrefix}-${++instances}`;
    if (options.announcement) {
      new AnnounceOnChange(host, options.announcement, options.language ?? (() => host.lang || 'en'));
    }
  }

  /** Whether the popup is open (it may hold only a status line). */
  get open(): boolean {
    return this.isOpen;
  }

  /** Index of the active option, -1 for none. */
  get activeIndex(): number {
    return this.active;
  }

  /** Whether the listbox is shown with options: the field's `aria-expanded`. */
  get expanded(): boolean {
    return this.isOpen && this.options.count() > 0;
  }

  /** The field's `aria-activedescendant`. */
  get activeId(): string | undefined {
    return this.expanded && this.active >= 0 ? this.optionId(this.active) : undefined;
  }

  /** An id in the host's shadow root: `id('input')`, `id('listbox')`, `id('hint')`. */
  id(suffix: string): string {
    return `${this.prefix}-${suffix}`;
  }

  optionId(index: number): string {
    return this.id(`option-${index}`);
  }

  /**
   * The combobox attributes of the text field, as an element binding: `<input ${combobox.field()}>`
   * gives it its id (`id('input')`, for the label), the role, `aria-expanded`, `aria-controls` (while
   * the listbox shows) and `aria-activedescendant`.
   */
  field(): DirectiveResult {
    return comboboxField({
      id: this.id('input'),
      listbox: this.expanded ? this.id('listbox') : undefined,
      active: this.activeId,
    });
  }

  show(): void {
    if (this.isOpen) return;
    this.isOpen = true;
    this.host.requestUpdate();
  }

  close(): void {
    const wasOpen = this.isOpen;
    this.isOpen = false;
    this.setActive(-1);
    this.wanted = undefined;
    if (wasOpen) {
      this.host.requestUpdate();
      this.options.closed?.();
    }
  }

  /** Makes an option active (-1: none); typing calls it with -1, as it starts a new list. */
  setActive(index: number): void {
    this.wanted = undefined;
    this.activate(index);
  }

  private activate(index: number): void {
    if (index === this.active) return;
    this.active = index;
    this.host.requestUpdate();
  }

  /**
   * The options changed. A new list starts as the selection model says, or where the arrow key that
   * opened the popup asked for; a background refresh of the same list keeps the keyboard position
   * (within the new length).
   */
  optionsChanged(kind: 'new' | 'refresh'): void {
    const count = this.options.count();
    if (kind === 'refresh') {
      this.activate(Math.min(this.active, count - 1));
      return;
    }
    const wanted = this.wanted ?? (this.options.selection === 'automatic' ? 'first' : undefined);
    this.wanted = undefined;
    if (!count || !wanted) this.activate(-1);
    else this.activate(wanted === 'first' ? 0 : count - 1);
  }

  /** The field's keydown handler; returns whether the key was used. */
  keydown(event: KeyboardEvent): boolean {
    const used = this.handle(event);
    if (used) event.preventDefault();
    return used;
  }

  private handle(event: KeyboardEvent): boolean {
    const count = this.isOpen ? this.options.count() : 0;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        const down = event.key === 'ArrowDown';
        if (!this.isOpen) {
          this.show();
          this.options.opened?.();
          const now = this.options.count();
          if (event.altKey) return true;
          if (now) this.activate(down ? 0 : now - 1);
          else if (this.isOpen) this.wanted = down ? 'first' : 'last';
          return true;
        }
        if (event.altKey && !down) {
          this.close();
          return true;
        }
        if (!count) return true;
        if (down) this.activate(this.active >= count - 1 ? 0 : this.active + 1);
        else this.activate(this.active <= 0 ? count - 1 : this.active - 1);
        return true;
      }
      case 'Home':
      case 'End':
        // In the field they move the caret; once an option is active they go to the first or last.
        if (this.active < 0 || !count) return false;
        this.activate(event.key === 'Home' ? 0 : count - 1);
        return true;
      case 'Enter':
        if (this.active >= 0 && this.active < count) {
          this.options.choose(this.active);
          return true;
        }
        return this.options.enter?.() ?? false;
      case 'Escape': {
        let used: boolean;
        if (this.options.dismissOverlay?.()) used = true;
        else if (this.isOpen) {
          this.close();
          used = true;
        } else used = this.options.clear?.() ?? false;
        if (used) event.stopPropagation();
        return used;
      }
      case 'Tab':
        if (!this.options.keepOpenOnTab?.(event)) this.close();
        return false;
      default:
        return false;
    }
  }

  hostUpdated(): void {
    if (this.active < 0) return;
    this.host.renderRoot
      .querySelector(`#${this.optionId(this.active)}`)
      ?.scrollIntoView?.({ block: 'nearest' });
  }
}

interface FieldState {
  id: string;
  /** The listbox id while it shows. */
  listbox?: string;
  active?: string;
}

class ComboboxField extends Directive {
  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('combobox.field() belongs on the <input> itself.');
  }

  render(_state: FieldState): unknown {
    return noChange;
  }

  override update(part: ElementPart, [state]: [FieldState]): unknown {
    const field = part.element;
    const fixed: Record<string, string> = {
      id: state.id,
      role: 'combobox',
      autocomplete: 'off',
      spellcheck: 'false',
      'aria-autocomplete': 'list',
      'aria-expanded': state.listbox ? 'true' : 'false',
    };
    for (const [name, value] of Object.entries(fixed)) {
      if (field.getAttribute(name) !== value) field.setAttribute(name, value);
    }
    const optional: Record<string, string | undefined> = {
      'aria-controls': state.listbox,
      'aria-activedescendant': state.active,
    };
    for (const [name, value] of Object.entries(optional)) {
      if (value === undefined) field.removeAttribute(name);
      else if (field.getAttribute(name) !== value) field.setAttribute(name, value);
    }
    return noChange;
  }
}

const comboboxField = directive(ComboboxField);
