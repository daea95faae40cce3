// Where each composer field lives in the page. The form field's name
// (react-hook-form's: "body", "answers.service") is also what drafts store
// as the focused field, so the cursor can be put back after a reopen.

/** The DOM id of a composer field. */
export function fieldDomId(field: string): string {
  return `composer-${field.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/** Puts the cursor in a field (at the end of its text); false when the field is not on screen. */
export function focusField(field: string): boolean {
  const element = document.getElementById(fieldDomId(field));
  if (!(
    element instanceof HTMLInputElement ||
    element instanceof HTMLTextAreaElement ||
    element instanceof HTMLSelectElement
  ))
    return false;
  element.focus();
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
export function focusFirstQuestion(): boolean {
  const first = document.querySelector<HTMLElement>('.checklist-fields [data-field]');
  if (!first) return false;
  return focusField(first.dataset.field ?? '');
}
