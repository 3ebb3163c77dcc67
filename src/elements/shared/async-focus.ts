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
