// Draws the start screen: the composer as the renderer last drew it for the
// open draft (main keeps it: electron/core/app/start-screen.ts), before React
// has even been evaluated. The lead sees their draft and can type into it at
// once; React then takes over (take-over.ts), keeping what was typed and where
// the cursor is. Until then nothing but typing acts: links, buttons, pickers
// and boxes are out of reach, a form cannot submit, and React's own root stays
// hidden so the two never show together.
import { restoreFocusSoon } from '../../features/composer/field-dom.ts';
import { sanitizeStartScreen } from './sanitize.ts';

export const START_SCREEN_ID = 'start-screen';

/** Controls that would act if reached before React: out of reach of the pointer and the Tab key. */
const OUT_OF_REACH = 'a, button, select, summary, input[type="checkbox"], input[type="radio"]';
/** Controls whose changes the take-over does not carry: disabled, so nothing (a keyboard, a test driver) changes them. */
const NOT_CARRIED = 'select, input[type="checkbox"], input[type="radio"]';

/** A field's cursor as text (field name and selection), to compare the cursor Herald placed with the lead's. */
export function cursorKey(element: Element): string {
  const field = element instanceof HTMLElement ? (element.dataset.field ?? '') : '';
  const selection =
    element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement
      ? `${element.selectionStart ?? ''}-${element.selectionEnd ?? ''}`
      : '';
  return `${field}:${selection}`;
}

function stopActivation(event: Event): void {
  if (event.target instanceof Element && event.target.closest(OUT_OF_REACH)) event.preventDefault();
}

/**
 * Draws `html` for the draft `draftId` beside React's (still empty, hidden) root, with the cursor in `field` (or the
 * first question) at the next frame. False, and nothing drawn, when the copy has no field of the composer in it.
 */
export function drawStartScreen(html: string, draftId: string, field: string | null): boolean {
  const root = document.getElementById('root');
  if (!root || root.firstChild || document.getElementById(START_SCREEN_ID)) return false;
  const screen = document.createElement('div');
  screen.id = START_SCREEN_ID;
  screen.dataset.draftId = draftId;
  screen.setAttribute('aria-busy', 'true');
  screen.append(sanitizeStartScreen(html));
  if (!screen.querySelector('.composer [data-field]')) return false;
  for (const control of screen.querySelectorAll(OUT_OF_REACH)) control.setAttribute('tabindex', '-1');
  for (const control of screen.querySelectorAll(NOT_CARRIED)) control.setAttribute('disabled', '');
  screen.addEventListener('click', stopActivation, true);
  screen.addEventListener('submit', (event) => event.preventDefault(), true);
  root.hidden = true;
  // After React's root, so the page's own elements are always found first.
  root.after(screen);
  // The cursor goes back as the composer puts it back (or in the first question); where Herald put it is noted, so
  // the take-over can tell it from where the lead moved it.
  restoreFocusSoon(field ?? '', () => {
    const active = document.activeElement;
    if (active instanceof HTMLElement && screen.contains(active))
      screen.dataset.placedCursor = cursorKey(active);
  });
  return true;
}
