/**
 * Runs once the browser has painted what is rendering now. A hidden tab paints no frames: then after
 * 100 ms at most; without frames at all (a worker), in the next task.
 */
export function afterNextPaint(run: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    run();
  };
  if (typeof requestAnimationFrame === 'function') {
    requestAnimationFrame(() => setTimeout(once, 0));
    setTimeout(once, 100);
  } else {
    setTimeout(once, 0);
  }
}
