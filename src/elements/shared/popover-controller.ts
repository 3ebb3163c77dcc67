import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What keeps a popover open: the pointer over its trigger or itself, the focus in it, or a click. */
type Opener = 'pointer' | 'focus' | 'click';

/**
 * Content shown on hover or focus, per WCAG 1.4.13, for every element (badge details, the kudos
 * exact-time bubble): one popover open per host at a time, and it is
 *
 * - **dismissible**: Escape closes it wherever the focus is, without moving pointer or focus; it stays
 *   closed until the pointer and the focus have left its trigger;
 * - **hoverable**: the popover is inside the hover area of its trigger (the caller puts it in the same
 *   container and bridges the gap with `popoverBridgeStyles`), so moving the pointer onto it keeps it;
 * - **persistent**: it closes only when both pointer and focus have left, on Escape, or on a click that
 *   opened it. A click never closes what hover opened: it pins it instead.
 *
 * The host renders from `isOpen(id)` and wires the trigger area's events to the methods below.
 */
export class PopoverController implements ReactiveController {
  private openId?: string;
  private readonly openers = new Set<Opener>();
  /** Closed by Escape (or a second click): hover or focus do not reopen it until both have left. */
  private dismissedId?: string;
  private listening = false;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.stopListening();
  }

  isOpen(id: string): boolean {
    return this.openId === id;
  }

  /** The id of the open popover, if any. */
  get current(): string | undefined {
    return this.openId;
  }

  pointerEnter(id: string): void {
    this.add(id, 'pointer');
  }

  /** The pointer left the trigger's container (trigger and popover). */
  pointerLeave(id: string, container: Element): void {
    this.remove(id, 'pointer', () => container.matches(':focus-within'));
  }

  focusIn(id: string): void {
    this.add(id, 'focus');
  }

  /**
   * Focus left the container (the event's listener, or `container` for a delegated listener), unless
   * it moved inside it (trigger ⇄ popover content).
   */
  focusOut(id: string, event: FocusEvent, container = event.currentTarget as Element): void {
    if (event.relatedTarget instanceof Node && container.contains(event.relatedTarget)) return;
    this.remove(id, 'focus', () => container.matches(':hover'));
  }

  /** A click (or Enter/Space) on the trigger. */
  click(id: string): void {
    if (this.openId === id && this.openers.has('pointer') && !this.openers.has('click')) {
      // Hover opened it: the click pins it rather than closing what the user is looking at.
      this.openers.add('click');
      return;
    }
    if (this.openId === id) {
      this.close();
      this.dismissedId = id;
    } else {
      this.dismissedId = undefined;
      this.open(id, 'click');
    }
  }

  /** Escape: closes the open popover. Returns whether there was one (the caller may then stop the key). */
  escape(): boolean {
    if (!this.openId) return false;
    this.dismissedId = this.openId;
    this.close();
    return true;
  }

  private add(id: string, opener: Opener): void {
    if (this.dismissedId === id) return;
    if (this.openId !== id) this.open(id, opener);
    else this.openers.add(opener);
  }

  private remove(id: string, opener: Opener, stillThere: () => boolean): void {
    if (this.dismissedId === id && !stillThere()) this.dismissedId = undefined;
    if (this.openId !== id) return;
    this.openers.delete(opener);
    if (this.openers.has('click')) return;
    if (this.openers.size === 0 && !stillThere()) this.close();
  }

  private open(id: string, opener: Opener): void {
    this.openId = id;
    this.openers.clear();
    this.openers.add(opener);
    this.startListening();
    this.host.requestUpdate();
  }

  private close(): void {
    this.openId = undefined;
    this.openers.clear();
    this.stopListening();
    this.host.requestUpdate();
  }

  /** Escape works wherever the focus is: hover may have opened the popover while focus is elsewhere. */
  private readonly onDocumentKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    if (this.escape()) event.preventDefault();
  };

  private startListening(): void {
    if (this.listening) return;
    this.listening = true;
    document.addEventListener('keydown', this.onDocumentKeydown);
  }

  private stopListening(): void {
    if (!this.listening) return;
    this.listening = false;
    document.removeEventListener('keydown', this.onDocumentKeydown);
  }
}
