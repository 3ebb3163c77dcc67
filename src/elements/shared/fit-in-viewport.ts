/**
 * Keeps an open popover inside the viewport (1.4.10 at 320 px): shifts it sideways by the overflow and
 * caps its width to the viewport. Call after the render that shows it.
 */
export function fitInViewport(popover: HTMLElement, margin = 8): void {
  popover.style.removeProperty('translate');
  const viewport = document.documentElement.clientWidth;
  const rect = popover.getBoundingClientRect();
  let shift = 0;
  if (rect.right > viewport - margin) shift = viewport - margin - rect.right;
  if (rect.left + shift < margin) shift = margin - rect.left;
  if (shift) popover.style.setProperty('translate', `${Math.round(shift)}px 0`);
}
