// Where each composer field lives in the page. The form field's name
// (react-hook-form's: "body", "answers.service") is also what drafts store
// as the focused field, so the cursor can be put back after a reopen.

/** The DOM id of a composer field. */
export function fieldDomId(field: string): string {
  return `composer-${field.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/** Puts the cursor in a field (at the end of its text); false when the field is not on screen. */
export function focusField(field: string, options: { preventScroll?: boolean } = {}): boolean {
  const element = document.getElementById(fieldDomId(field));
  if (!(
    element instanceof HTMLInputElement ||
    element instanceof HTMLTextAreaElement ||
    element instanceof HTMLSelectElement
  ))
    return false;
  element.focus({ preventScroll: options.preventScroll === true });
  if (
    !(element instanceof HTMLSelectElement) &&
    ['text', 'textarea', 'url', 'search'].includes(element.type)
  ) {
    const end = element.value.length;
    element.setSelectionRange(end, end);
  }
  return true;
}

/** Puts the cursor in the first question of the checklist. */
export function focusFirstQuestion(options: { preventScroll?: boolean } = {}): boolean {
  const first = document.querySelector<HTMLElement>('.checklist-fields [data-field]');
  if (!first) return false;
  return focusField(first.dataset.field ?? '', options);
}

/**
 * Puts the cursor back where the author left it in a draft just drawn (or in its first question), at the next
 * frame. Focusing lays the page out; on a freshly opened composer that is the page's first layout, which the frame
 * does anyway: done inside the task that drew the draft, it forced that layout early and held the task (and any key
 * pressed meanwhile) for it. The field is then scrolled into view, if it is not, without another layout.
 * `done` runs once the cursor is placed. Returns a cancel for an effect's cleanup.
 */
export function restoreFocusSoon(field: string, done: () => void): () => void {
  const frame = requestAnimationFrame(() => {
    const focused = focusField(field, { preventScroll: true }) || focusFirstQuestion({ preventScroll: true });
    if (focused && document.activeElement instanceof HTMLElement)
      document.activeElement.scrollIntoView({ block: 'nearest' });
    done();
  });
  return () => cancelAnimationFrame(frame);
}
