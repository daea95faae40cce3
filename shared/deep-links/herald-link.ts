// Herald's deep links: `herald://incident/<id>` and `herald://event/<id>`,
// the "Open in Herald" links in the incident headline and maintenance
// announcements. One grammar, parsed strictly here and nowhere else: the
// desktop shell (a link the OS hands Herald), the harness's /open route and
// the renderer (a link clicked in a preview) all call parseHeraldLink.
//
// The shape is `herald://<kind>/<id>`, nothing more: no query, no fragment,
// no %-escapes, no further path. A newer Herald may add kinds, never change
// these two; an older one refuses a kind it does not know with its own reason
// (unknown_kind), so the lead is told to update rather than that the link is
// broken. One trailing slash is tolerated (some launchers add one).
//
// Pure and zod-free: the renderer uses it too.

export const HERALD_LINK_SCHEME = 'herald';
export const heraldLinkKinds = ['incident', 'event'] as const;
export type HeraldLinkKind = (typeof heraldLinkKinds)[number];

export interface HeraldLinkTarget {
  kind: HeraldLinkKind;
  /** Herald's id of the incident or maintenance event: a UUID, lower case. */
  id: string;
}

/** Longer than any link Herald writes (54 characters) with room to spare; anything longer is refused unread. */
export const MAX_HERALD_LINK_CHARS = 200;

/** Herald's ids (crypto.randomUUID): 8-4-4-4-12 hex digits. */
const HERALD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** What a future kind could look like: refused as unknown_kind rather than malformed. */
const KIND_WORD = /^[a-z][a-z0-9-]{0,31}$/;
/** A URL scheme (RFC 3986), to tell "another scheme" from "not a link at all". */
const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]{0,31}):/;
/** Printable ASCII without space, backslash or quote characters: anything else never appears in Herald's links. */
const LINK_CHARACTERS = /^[!#-[\]-~]+$/;

export const heraldLinkRefusals = [
  'not_text',
  'empty',
  'too_long',
  'bad_characters',
  'not_a_link',
  'wrong_scheme',
  'query_or_fragment',
  'escaped_characters',
  'malformed',
  'unknown_kind',
  'bad_id',
] as const;
export type HeraldLinkRefusal = (typeof heraldLinkRefusals)[number];

export type ParsedHeraldLink =
  { ok: true; target: HeraldLinkTarget } | { ok: false; reason: HeraldLinkRefusal };

/** What the lead is told when Herald will not open a link, by reason. */
export const heraldLinkRefusalWording: Readonly<Record<HeraldLinkRefusal, string>> = {
  not_text: 'Herald was asked to open something that is not a link.',
  empty: 'The link was empty.',
  too_long: `The link is longer than any link Herald makes (${MAX_HERALD_LINK_CHARS} characters at most).`,
  bad_characters:
    'The link has characters Herald’s links never have (spaces, backslashes or non-ASCII letters).',
  not_a_link: 'That is not a link.',
  wrong_scheme: 'Only herald:// links open in Herald; other links open in your browser.',
  query_or_fragment: 'Herald’s links never have a “?” or “#” part, so this one was not made by Herald.',
  escaped_characters: 'Herald’s links never have %-escaped characters, so this one was not made by Herald.',
  malformed: 'The link is not in the shape Herald uses: herald://incident/<id> or herald://event/<id>.',
  unknown_kind:
    'This link is for something this version of Herald cannot open. A newer Herald may have made it.',
  bad_id: 'The link does not name an incident or event in the form Herald’s ids take.',
};

export const isHeraldLinkKind = (value: string): value is HeraldLinkKind =>
  (heraldLinkKinds as readonly string[]).includes(value);

export const isHeraldId = (value: string): boolean => HERALD_ID.test(value);

/** `herald://incident/<id>`; null when the id is not one of Herald's (such a thing gets no link). */
export function heraldLinkFor(target: HeraldLinkTarget): string | null {
  const id = target.id.toLowerCase();
  if (!isHeraldLinkKind(target.kind) || !isHeraldId(id)) return null;
  return `${HERALD_LINK_SCHEME}://${target.kind}/${id}`;
}

const refuse = (reason: HeraldLinkRefusal): ParsedHeraldLink => ({ ok: false, reason });

/** Parses a link strictly: `herald://incident/<uuid>` or `herald://event/<uuid>`, anything else is refused with a reason. */
export function parseHeraldLink(raw: unknown): ParsedHeraldLink {
  if (typeof raw !== 'string') return refuse('not_text');
  if (raw === '') return refuse('empty');
  if (raw.length > MAX_HERALD_LINK_CHARS) return refuse('too_long');
  if (!LINK_CHARACTERS.test(raw)) return refuse('bad_characters');
  const scheme = SCHEME.exec(raw)?.[1];
  if (scheme === undefined) return refuse('not_a_link');
  if (scheme.toLowerCase() !== HERALD_LINK_SCHEME) return refuse('wrong_scheme');
  if (raw.includes('?') || raw.includes('#')) return refuse('query_or_fragment');
  if (raw.includes('%')) return refuse('escaped_characters');
  const rest = raw.slice(scheme.length + 1);
  if (!rest.startsWith('//')) return refuse('malformed');
  const path = rest.slice(2).replace(/\/$/, '');
  const segments = path.split('/');
  if (segments.length !== 2) return refuse('malformed');
  const [kindText = '', idText = ''] = segments;
  const kind = kindText.toLowerCase();
  if (!isHeraldLinkKind(kind)) return refuse(KIND_WORD.test(kind) ? 'unknown_kind' : 'malformed');
  const id = idText.toLowerCase();
  if (!isHeraldId(id)) return refuse('bad_id');
  return { ok: true, target: { kind, id } };
}

/**
 * What a log may say about a link it refused: its length and, when it has one, its scheme (at most 32
 * letters) — never the link itself, which came from outside and may be long or carry anything.
 */
export function heraldLinkShapeForLog(raw: unknown): { length: number; scheme: string | null } {
  if (typeof raw !== 'string') return { length: 0, scheme: null };
  const scheme = SCHEME.exec(raw.slice(0, 40))?.[1] ?? null;
  return { length: raw.length, scheme: scheme?.toLowerCase() ?? null };
}

/** The browser harness's equivalent of a herald:// link: its /open route, which opens the app on that target. */
export function harnessOpenPath(link: string): string {
  return `/open?link=${encodeURIComponent(link)}`;
}
