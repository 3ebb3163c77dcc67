import { nothing } from 'lit';

/*
 * The focus rule for async actions, shared by every element (docs/accessibility.md, "Focus during
 * async actions"):
 *
 * 1. A control busy with its own action stays focusable: it gets `aria-disabled="true"` (through
 *    `busyControl`), never `disabled`, and its handler ignores presses meanwhile. A `disabled` button
 *    loses the focus, which then falls to `<body>`.
 * 2. When the action takes the control away (a row that goes, a field that hides, a button disabled
 *    for another reason afterwards), the focus moves to the outcome: `KringElement.focusIfLost()`.
 */

/** `aria-disabled` for a control that is busy with its own action: `"true"` while busy, else no attribute. */
export function busyControl(busy: boolean): 'true' | typeof nothing {
  return busy ? 'true' : nothing;
}

/**
 * After the host's next render, gives the focus to the first of `selectors` found when the control that
 * had it went away or was disabled (a button removed by its own action), so keyboard users are not dropped
 * to the page start. Rule 2 above.
 */
export async function focusIfLost(
  host: HTMLElement & { updateComplete: Promise<unknown>; renderRoot: HTMLElement | DocumentFragment },
  ...selectors: string[]
): Promise<void> {
  await host.updateComplete;
  const focused = host.shadowRoot?.activeElement as HTMLButtonElement | null;
  if (focused && !focused.disabled) return;
  // Focus the user moved elsewhere on the page is not lost: leave it there.
  const pageFocus = document.activeElement;
  if (!focused && pageFocus && pageFocus !== document.body && pageFocus !== host) return;
  for (const selector of selectors) {
    const target = host.renderRoot.querySelector<HTMLElement>(selector);
    if (target) return target.focus();
  }
}

/**
 * Moves the focus to `selector` now when it is inside it (on a button the action is about to remove):
 * the container stays while the action runs.
 */
export function focusContainerOf(
  host: HTMLElement & { renderRoot: HTMLElement | DocumentFragment },
  selector: string,
): void {
  const container = host.renderRoot.querySelector<HTMLElement>(selector);
  const focused = host.shadowRoot?.activeElement;
  if (container && focused && container !== focused && container.contains(focused)) container.focus();
}
