// React taking over from the start screen (draw.ts), inside the commit that
// first draws the composer's form, so no key can fall between the two: what
// was typed into the copy's fields and where the cursor was are read, the copy
// is removed and React's root shown, and the form takes the typed text as the
// lead's edits (it is then saved like any other).
import { cursorKey, START_SCREEN_ID } from './draw.ts';

export interface TypedBeforeStart {
  /** Each field (react-hook-form's name) whose text the lead changed in the copy, with its text now. */
  edits: Array<{ field: string; value: string }>;
  /** The field the cursor was in, and its selection, when the lead typed or moved it (else null: React puts it back). */
  cursor: { field: string; start: number | null; end: number | null } | null;
}

type TextField = HTMLInputElement | HTMLTextAreaElement;

function isTextField(element: Element | null): element is TextField {
  return (
    element instanceof HTMLTextAreaElement ||
    (element instanceof HTMLInputElement && !['checkbox', 'radio'].includes(element.type))
  );
}

function readTyped(screen: HTMLElement): TypedBeforeStart {
  const edits: TypedBeforeStart['edits'] = [];
  for (const element of screen.querySelectorAll<HTMLElement>('[data-field]')) {
    const field = element.dataset.field;
    if (field && isTextField(element) && element.value !== element.defaultValue)
      edits.push({ field, value: element.value });
  }
  const active = document.activeElement;
  const isLeads =
    isTextField(active) &&
    screen.contains(active) &&
    (edits.length > 0 || cursorKey(active) !== screen.dataset.placedCursor);
  const cursor =
    isLeads && active.dataset.field
      ? { field: active.dataset.field, start: active.selectionStart, end: active.selectionEnd }
      : null;
  return { edits, cursor };
}

/** Reads what was typed into the start screen, removes it and shows React's root. */
function take(screen: HTMLElement): TypedBeforeStart {
  const typed = readTyped(screen);
  screen.remove();
  const root = document.getElementById('root');
  if (root) root.hidden = false;
  return typed;
}

/**
 * Takes over from the start screen drawn for `draftId`: returns what was typed into it and removes it. Null (and
 * the copy left alone) when there is none, or it shows another draft.
 */
export function takeOverStartScreen(draftId: string): TypedBeforeStart | null {
  const screen = document.getElementById(START_SCREEN_ID);
  return screen && screen.dataset.draftId === draftId ? take(screen) : null;
}

/**
 * Removes a start screen no form took over (React drew something else first): shows React's root. What was
 * typed into the copy is returned, so the caller can say it was not kept.
 */
export function dropStartScreen(): TypedBeforeStart | null {
  const screen = document.getElementById(START_SCREEN_ID);
  return screen ? take(screen) : null;
}
