// The React app, imported by start.ts once the bootstrap request is on its
// way. The first render waits for the bootstrap's answer (it has usually
// arrived while React was evaluated) so the shell and the open draft appear
// in one render and one paint, with no "Opening your draft…" frame; a slow answer
// only holds the shell back for FIRST_RENDER_WAIT_MS, then the shell shows
// and the composer follows when the answer comes.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.tsx';
import { useNavigation } from './app/navigation-store.ts';
import { useComposer } from './features/composer/composer-store.ts';
import { bootstrapped } from './server-state/bootstrap.ts';
import './styles/app.css';

/** How long the first paint waits for the bootstrap before showing the shell without it. */
const FIRST_RENDER_WAIT_MS = 150;

await Promise.race([bootstrapped(), new Promise((settle) => setTimeout(settle, FIRST_RENDER_WAIT_MS))]);
// Compose is the usual first screen: its draft opens now, so the first render draws it. (Its screen's effect
// would open it too, but only after the first commit, costing a second render in a later task.)
if (useNavigation.getState().screen === 'compose') void useComposer.getState().enter();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
