// Which screen is showing. State → actions; the hash mirrors the state.
import { create } from 'zustand';
import type { ComposeIntent, NavigateRequest } from '../../shared/api/channels/app.ts';
import type { LinkOpening } from '../../shared/api/channels/links.ts';
import { type HeraldLinkTarget, parseHeraldLink } from '../../shared/deep-links/herald-link.ts';
import { herald } from '../api/herald.ts';
import { takeLinkFromLocation } from './link-location.ts';
import { screenFromHash, type ScreenId } from './screens.ts';

/** The incident or event an "Open in Herald" link showed; `seq` grows, so the same link again shows it again. */
export interface LinkedTarget {
  target: HeraldLinkTarget;
  seq: number;
}

interface NavigationState {
  screen: ScreenId;
  /** What the composer should open (a notification, tray or centre click); the composer reads it. */
  composeIntent: ComposeIntent | null;
  /** The incident (Incidents) or event (Calendar) a link asked for: that screen shows it. Cleared by moving away. */
  linkedTarget: LinkedTarget | null;
  /** What opening the last link came to, while it needs saying (Slack being read, not found, refused). */
  linkOpening: LinkOpening | null;
  go: (screen: ScreenId) => void;
  openCompose: (intent: ComposeIntent) => void;
  /** Main's app:navigate request. */
  navigate: (request: NavigateRequest) => void;
  /** Opens a herald:// link (a click in a preview, the harness's /open route): core parses and resolves it. */
  openLink: (link: string) => Promise<void>;
  /** Shows what opening a link came to (core's answer, or its `links:opened` event). */
  showLinkOpening: (opening: LinkOpening) => void;
  dismissLinkOpening: () => void;
}

/** How long an answer may take before the window says Herald is looking in Slack. */
const LOOKING_AFTER_MS = 250;

const screenOf = (target: HeraldLinkTarget): ScreenId =>
  target.kind === 'incident' ? 'incidents' : 'calendar';

export const useNavigation = create<NavigationState>()((set, get) => ({
  screen: screenFromHash(window.location.hash),
  composeIntent: null,
  linkedTarget: null,
  linkOpening: null,
  go(screen) {
    if (window.location.hash !== `#/${screen}`) window.history.pushState(null, '', `#/${screen}`);
    if (screen !== get().screen) set({ linkedTarget: null });
    set({ screen });
  },
  openCompose(intent) {
    set({ composeIntent: intent });
    useNavigation.getState().go('compose');
  },
  navigate(request) {
    if (request.compose) useNavigation.getState().openCompose(request.compose);
    else useNavigation.getState().go(request.screen);
  },
  async openLink(link) {
    // Core answers an id it does not know only after reading Slack: say so if that takes a moment.
    const parsed = parseHeraldLink(link);
    const looking = parsed.ok
      ? window.setTimeout(
          () => get().showLinkOpening({ status: 'syncing', target: parsed.target }),
          LOOKING_AFTER_MS,
        )
      : undefined;
    const opened = await herald().invoke('links:open', { link });
    window.clearTimeout(looking);
    // The router refuses only what no parser would read (over 4,096 characters): the lead hears it as too long.
    get().showLinkOpening(opened.ok ? opened.value : { status: 'refused', reason: 'too_long' });
  },
  showLinkOpening(opening) {
    if (opening.status === 'found' || opening.status === 'syncing') {
      get().go(screenOf(opening.target));
      set({ linkedTarget: { target: opening.target, seq: (get().linkedTarget?.seq ?? 0) + 1 } });
    }
    set({ linkOpening: opening.status === 'found' ? null : opening });
  },
  dismissLinkOpening() {
    set({ linkOpening: null });
  },
}));

/** Opens a link the harness's /open route put in the fragment, if there is one; true when there was. */
function takeArrivedLink(): boolean {
  const arrived = takeLinkFromLocation(useNavigation.getState().screen);
  if (arrived?.kind === 'link') void useNavigation.getState().openLink(arrived.link);
  else if (arrived?.kind === 'refused')
    useNavigation.getState().showLinkOpening({ status: 'refused', reason: arrived.reason });
  return arrived !== null;
}

// A link followed while Herald is already open changes only the fragment (no new page), so it arrives here too.
window.addEventListener('popstate', () => {
  if (!takeArrivedLink()) useNavigation.setState({ screen: screenFromHash(window.location.hash) });
});
// Subscribed as the page loads, not in an effect: a notification click can open a new window and send this at once.
herald().on('app:navigate', (request) => useNavigation.getState().navigate(request));
herald().on('links:opened', (opening) => useNavigation.getState().showLinkOpening(opening));
// The harness's /open route lands here with the link in the fragment (after herald() has taken the token from it).
takeArrivedLink();
