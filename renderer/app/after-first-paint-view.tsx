// The React side of after-first-paint.ts: parts of a screen the lead does not
// need for their first key — the composer's preview and checklist column, its
// send bar, the alert toasts — are drawn once the page has painted, in a
// transition. React then draws them in slices of a few milliseconds and
// yields between slices, so a key pressed meanwhile is handled at once
// instead of waiting behind the whole first render. Measured: the first
// render and the first layout were most of Herald's start
// (docs/performance.md, "Renderer start").
import { startTransition, useEffect, useState, type ReactNode } from 'react';
import { afterFirstPaint, isFirstPaintPast } from './after-first-paint.ts';

/** `children`, from the first render after the page's first paint (at once once that is past). */
export function AfterFirstPaint({ children }: { children: ReactNode }) {
  const [isShown, setShown] = useState(isFirstPaintPast);
  useEffect(() => {
    if (isShown) return;
    return afterFirstPaint(() => startTransition(() => setShown(true)));
  }, [isShown]);
  return isShown ? children : null;
}
