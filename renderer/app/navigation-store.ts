// Which screen is showing. State → actions; the hash mirrors the state.
import { create } from 'zustand';
import { screenFromHash, type ScreenId } from './screens.ts';

interface NavigationState {
  screen: ScreenId;
  go: (screen: ScreenId) => void;
}

export const useNavigation = create<NavigationState>()((set) => ({
  screen: screenFromHash(window.location.hash),
  go(screen) {
    if (window.location.hash !== `#/${screen}`) window.history.pushState(null, '', `#/${screen}`);
    set({ screen });
  },
}));

window.addEventListener('popstate', () => useNavigation.setState({ screen: screenFromHash(window.location.hash) }));
