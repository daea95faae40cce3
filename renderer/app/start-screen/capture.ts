// Keeps the start screen for the next start (draw.ts): once the composer has
// saved the open draft and been left alone for a moment, its page is copied
// as HTML — every field holding its text, without what only this moment shows
// (a notice, a toast, the bell's count) — and sent to main with the draft's
// revision. Main keeps it only while the draft is still at that revision and
// nothing else it was drawn from has changed (electron/core/app/start-screen.ts).
import { useEffect } from 'react';
import { START_SCREEN_MAX_CHARS } from '../../../shared/app/start-screen-limits.ts';
import { herald } from '../../api/herald.ts';
import { useComposer } from '../../features/composer/composer-store.ts';
import { useNavigation } from '../navigation-store.ts';

/** How long the composer must be quiet (saved, nothing typed) before it is copied. */
export const KEEP_AFTER_QUIET_MS = 1_000;
/** Marks what the copy leaves out: it belongs to the moment, not to the draft. */
export const OMIT_ATTRIBUTE = 'data-start-screen';
/** Classes that tell the moment's state (the bell's urgency), left out of the copy. */
const MOMENT_CLASSES = ['is-urgent'];

/** The page in `root` as HTML, with each field's current text written into it and the moment's parts left out. */
export function startScreenHtml(root: HTMLElement): string {
  const copy = root.cloneNode(true) as HTMLElement;
  const live = root.querySelectorAll<HTMLElement>('input, textarea, select');
  const copied = copy.querySelectorAll<HTMLElement>('input, textarea, select');
  live.forEach((element, index) => {
    const target = copied[index];
    if (!target) return;
    if (element instanceof HTMLTextAreaElement) target.textContent = element.value;
    else if (element instanceof HTMLSelectElement)
      [...(target as HTMLSelectElement).options].forEach((option, at) =>
        option.toggleAttribute('selected', at === element.selectedIndex),
      );
    else if (element instanceof HTMLInputElement && (element.type === 'checkbox' || element.type === 'radio'))
      target.toggleAttribute('checked', element.checked);
    else if (element instanceof HTMLInputElement) target.setAttribute('value', element.value);
  });
  for (const part of copy.querySelectorAll(`[${OMIT_ATTRIBUTE}="omit"], dialog[open]`)) part.remove();
  for (const name of MOMENT_CLASSES)
    for (const element of copy.querySelectorAll(`.${name}`)) element.classList.remove(name);
  return copy.innerHTML;
}

/** Whether the composer shows the open draft as saved, in a state the next start will draw the same way. */
function isCopyable(): { draftId: string; revision: number } | null {
  const state = useComposer.getState();
  if (useNavigation.getState().screen !== 'compose') return null;
  if (state.phase !== 'editing' || !state.draft || !state.meta || state.correction !== null) return null;
  if (state.saveStatus !== 'saved' || state.loadError !== null || state.currentOnServer !== state.draft.id)
    return null;
  return { draftId: state.draft.id, revision: state.meta.revision };
}

let lastSent = '';

function keepNow(): void {
  const copyable = isCopyable();
  const root = document.getElementById('root');
  if (!copyable || !root || root.hidden) return;
  const html = startScreenHtml(root);
  if (html.length > START_SCREEN_MAX_CHARS) return;
  const key = `${copyable.draftId}\u0000${copyable.revision}\u0000${html}`;
  if (key === lastSent) return;
  lastSent = key;
  // Best effort: a copy that is not kept only costs the next start its head start.
  void herald().invoke('app:keepStartScreen', { ...copyable, html });
}

/** Copies the composer for the next start whenever it has been quiet for a moment after a change. */
export function useKeepStartScreen(): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const schedule = () => {
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        keepNow();
      }, KEEP_AFTER_QUIET_MS);
    };
    schedule();
    const unsubscribe = useComposer.subscribe((state, previous) => {
      if (
        state.draft !== previous.draft ||
        state.meta !== previous.meta ||
        state.saveStatus !== previous.saveStatus
      )
        schedule();
    });
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, []);
}
