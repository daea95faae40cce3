// The start screen's HTML comes back from main, which kept what an earlier
// page sent it: untrusted. It is parsed inert (a <template> runs no script and
// loads nothing) and only what the composer's own markup uses is kept — a
// fixed list of elements and attributes, links only within the page, no
// styles, no sources, no handlers — so a page that was once compromised cannot
// plant anything that acts in a later one. What is left is copied markup the
// app's stylesheet draws.

/** Elements the composer's first render uses; anything else is dropped with its content. */
const ELEMENTS = new Set([
  'a',
  'abbr',
  'br',
  'button',
  'code',
  'datalist',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'em',
  'fieldset',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'header',
  'hr',
  'input',
  'kbd',
  'label',
  'legend',
  'li',
  'main',
  'nav',
  'ol',
  'optgroup',
  'option',
  'p',
  'path',
  'section',
  'select',
  'small',
  'span',
  'strong',
  'summary',
  'svg',
  'textarea',
  'time',
  'ul',
]);

/** Attributes kept (besides aria-* and data-*); `href` only when it stays within the page. */
const ATTRIBUTES = new Set([
  'autocomplete',
  'checked',
  'class',
  'd',
  'datetime',
  'disabled',
  'fill',
  'focusable',
  'for',
  'height',
  'hidden',
  'href',
  'id',
  'inputmode',
  'lang',
  'list',
  'maxlength',
  'minlength',
  'name',
  'novalidate',
  'placeholder',
  'readonly',
  'required',
  'role',
  'rows',
  'selected',
  'spellcheck',
  'stroke',
  'stroke-linecap',
  'stroke-linejoin',
  'stroke-width',
  'tabindex',
  'title',
  'type',
  'value',
  'viewbox',
  'width',
  'xmlns',
]);

const INPUT_TYPES = new Set([
  'text',
  'search',
  'url',
  'email',
  'tel',
  'number',
  'date',
  'time',
  'datetime-local',
  'checkbox',
  'radio',
]);

/** The page's own ids: a copy that reused one would be found instead of the real element (DOM clobbering). */
const RESERVED_IDS = new Set(['root', 'start-screen', 'herald']);
/** Elements whose `name` is a form field's: on any other (a form) it would shadow a `document` property. */
const NAMED_FIELDS = new Set(['input', 'textarea', 'select', 'button']);

function keepsAttribute(element: Element, name: string, value: string): boolean {
  if (name.startsWith('aria-') || name.startsWith('data-')) return true;
  if (!ATTRIBUTES.has(name)) return false;
  if (name === 'href') return value.startsWith('#');
  if (name === 'id') return !RESERVED_IDS.has(value.trim().toLowerCase());
  if (name === 'name') return NAMED_FIELDS.has(element.localName);
  if (name === 'type' && element.localName === 'input') return INPUT_TYPES.has(value.toLowerCase());
  return true;
}

function clean(parent: ParentNode): void {
  for (const child of [...parent.children]) {
    if (
      !ELEMENTS.has(child.localName) ||
      (child.localName === 'input' && !INPUT_TYPES.has((child.getAttribute('type') ?? 'text').toLowerCase()))
    ) {
      child.remove();
      continue;
    }
    for (const attribute of [...child.attributes])
      if (!keepsAttribute(child, attribute.name.toLowerCase(), attribute.value))
        child.removeAttribute(attribute.name);
    // A button in a copied form must never submit it.
    if (child.localName === 'button') child.setAttribute('type', 'button');
    clean(child);
  }
}

/** The start screen's markup, parsed inert and reduced to what the composer draws. */
export function sanitizeStartScreen(html: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = html;
  // Cleaned while still in the template's inert document: nothing is adopted into the page before it is safe.
  clean(template.content);
  return document.importNode(template.content, true);
}
