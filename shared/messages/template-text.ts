// The placeholder language of titles and templates: `{service}` stands for
// an answer, `{{` and `}}` for literal braces. Anything else in braces that
// is not a simple name ("{ a: 1 }") is ordinary text. Unknown placeholders are
// reported and removed, never left in a message.

export type TemplateSegment = { kind: 'text'; text: string } | { kind: 'placeholder'; name: string };

const TOKEN = /\{\{|\}\}|\{([A-Za-z][A-Za-z0-9_]*)\}/g;

/** Splits template text into literal text and placeholders (names lower-cased). */
export function parseTemplate(template: string): TemplateSegment[] {
  const segments: TemplateSegment[] = [];
  let literal = '';
  let last = 0;
  for (const match of template.matchAll(TOKEN)) {
    literal += template.slice(last, match.index);
    last = match.index + match[0].length;
    const name = match[1];
    if (name === undefined) {
      literal += match[0] === '{{' ? '{' : '}';
      continue;
    }
    if (literal !== '') segments.push({ kind: 'text', text: literal });
    literal = '';
    segments.push({ kind: 'placeholder', name: name.toLowerCase() });
  }
  literal += template.slice(last);
  if (literal !== '') segments.push({ kind: 'text', text: literal });
  return segments;
}

/** Placeholder names used in `template`, each once, in order of first use. */
export function placeholdersIn(template: string): string[] {
  const names = parseTemplate(template).flatMap((segment) =>
    segment.kind === 'placeholder' ? [segment.name] : [],
  );
  return [...new Set(names)];
}

export interface FillResult {
  text: string;
  /** Placeholders with no such name: removed from the text. */
  unknown: string[];
  /** Known placeholders with no answer yet: filled with nothing. */
  empty: string[];
}

export interface FillOptions {
  /** Applied to literal text only (values are expected ready to insert), e.g. mrkdwn escaping. */
  escapeText?: (text: string) => string;
}

/**
 * Fills `template` from `values`. A name absent from `values` is unknown; a
 * name present with '' or undefined is empty. Neither leaves braces behind.
 */
export function fillTemplate(
  template: string,
  values: Readonly<Record<string, string | undefined>>,
  options: FillOptions = {},
): FillResult {
  const escape = options.escapeText ?? ((text: string) => text);
  const unknown = new Set<string>();
  const empty = new Set<string>();
  let text = '';
  for (const segment of parseTemplate(template)) {
    if (segment.kind === 'text') {
      text += escape(segment.text);
    } else if (!Object.hasOwn(values, segment.name)) {
      unknown.add(segment.name);
    } else {
      const value = values[segment.name];
      if (value === undefined || value === '') empty.add(segment.name);
      else text += value;
    }
  }
  return { text, unknown: [...unknown], empty: [...empty] };
}

/** Writes text so that it reads literally as a template (braces doubled). */
export function escapeTemplateText(text: string): string {
  return text.replaceAll('{', '{{').replaceAll('}', '}}');
}
