// The page's only entry, and deliberately small: it sends the bootstrap
// request and asks for the first screen's code, then imports the React app
// (main.tsx). The app's chunk is not a second round trip: the built
// index.html preloads it next to this one (vite.config.ts,
// preloadFirstScreen), so the browser downloads both at once while the
// bootstrap request is already on its way — it leaves before React is even
// parsed, and is usually answered before React has finished evaluating.
import { useNavigation } from './app/navigation-store.ts';
import { preloadScreen } from './app/screen-loaders.ts';
import { bootstrapped } from './server-state/bootstrap.ts';

void bootstrapped();
preloadScreen(useNavigation.getState().screen);
void import('./main.tsx');
