// Work the first screen does not draw from — the lists behind the bell, the
// desktop's update and login-item status — starts once the page has painted,
// so its requests, answers and re-renders neither hold back the composer's
// first paint nor queue ahead of the lead's first key. Once the page has
// painted, work asked for runs at once. Nothing here imports React.

let isPainted = false;
let waiting: Array<() => void> | null = null;

function nextFrame(run: () => void): void {
  // A unit test's DOM-less window has no frames: a task stands in for one.
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(run);
  else setTimeout(run, 0);
}

function flush(): void {
  isPainted = true;
  const runs = waiting ?? [];
  waiting = null;
  for (const run of runs) run();
}

/** True once the page has painted (what was waiting for it has run). */
export function isFirstPaintPast(): boolean {
  return isPainted;
}

/** Runs `run` after the page's first paint (at once if that is past); the result cancels it if it has not run. */
export function afterFirstPaint(run: () => void): () => void {
  if (isPainted) {
    run();
    return () => {};
  }
  if (waiting === null) {
    waiting = [];
    // The frame's callbacks run before it paints; a task queued from one runs after the paint.
    nextFrame(() => setTimeout(flush, 0));
  }
  const queued = waiting;
  const entry = () => run();
  queued.push(entry);
  return () => {
    const index = queued.indexOf(entry);
    if (index >= 0) queued.splice(index, 1);
  };
}
