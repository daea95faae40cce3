// Which screen is showing. State → actions; the hash mirrors the state.
import { create } from 'zustand';
import type { ComposeIntent, NavigateRequest } from '../../shared/api/channels/app.ts';
import { herald } from '../api/herald.ts';
import { screenFromHash, type ScreenId } from './screens.ts';

interface NavigationState {
  screen: ScreenId;
  /** What the composer should open (a notification, tray or centre click); the composer reads it. */
  composeIntent: ComposeIntent | null;
  go: (screen: ScreenId) => void;
  openCompose: (intent: ComposeIntent) => void;
  /** Main's app:navigate request. */
  navigate: (request: NavigateRequest) => void;
}

export const useNavigation = create<NavigationState>()((set) => ({
  screen: screenFromHash(window.location.hash),
  composeIntent: null,
  go(screen) {
    if (window.location.hash !== `#/${screen}`) window.history.pushState(null, '', `#/${screen}`);
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
}));

window.addEventListener('popstate', () =>
  useNavigation.setState({ screen: screenFromHash(window.location.hash) }),
);
// Subscribed as the page loads, not in an effect: a notification click can open a new window and send this at once.
herald().on('app:navigate', (request) => useNavigation.getState().navigate(request));
