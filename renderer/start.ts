// The first script the page runs, before React is even evaluated: it sends
// the bootstrap request and fetches the first screen's code, so both are on
// their way while main.tsx loads React and renders the shell. A module of its
// own because module scripts run in document order (index.html lists it
// first) and this one imports nothing large.
import { useNavigation } from './app/navigation-store.ts';
import { preloadScreen } from './app/screen-loaders.ts';
import { bootstrapped } from './server-state/bootstrap.ts';

void bootstrapped();
preloadScreen(useNavigation.getState().screen);
