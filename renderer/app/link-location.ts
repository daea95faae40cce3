// The browser harness's "Open in Herald": its /open route (electron/harness/
// http-transport.ts) checks the link with the same parser core uses and
// redirects to the app with the link, or the reason it was refused, in the
// URL fragment (never sent to a server). This takes it from there once, and
// puts the screen's own fragment back so a reload does not open it again.
import {
  heraldLinkRefusals,
  parseHeraldLink,
  type HeraldLinkRefusal,
} from '../../shared/deep-links/herald-link.ts';

/** Fragment keys the harness's /open route writes. */
export const OPEN_LINK_KEY = 'open';
export const OPEN_REFUSED_KEY = 'open-refused';

export type ArrivedLink = { kind: 'link'; link: string } | { kind: 'refused'; reason: HeraldLinkRefusal };

const isRefusal = (value: string): value is HeraldLinkRefusal =>
  (heraldLinkRefusals as readonly string[]).includes(value);

/** Reads an arriving link from `#open=…` or `#open-refused=…`, and restores `#/<screen>` in the address bar. */
export function takeLinkFromLocation(screen: string): ArrivedLink | null {
  const fragment = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  const link = fragment.get(OPEN_LINK_KEY);
  const refused = fragment.get(OPEN_REFUSED_KEY);
  if (link === null && refused === null) return null;
  window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}#/${screen}`);
  if (link !== null) {
    // Checked again here too: the fragment is the address bar's, and anyone can type one.
    const parsed = parseHeraldLink(link);
    return parsed.ok ? { kind: 'link', link } : { kind: 'refused', reason: parsed.reason };
  }
  return { kind: 'refused', reason: refused !== null && isRefusal(refused) ? refused : 'malformed' };
}
