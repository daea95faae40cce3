// The React app, imported by start.ts once the bootstrap has answered (or
// taken too long): the shell and the open draft appear in one render and one
// paint, with no "Opening your draft…" frame; after a slow answer the shell
// shows and the composer follows when the answer comes.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.tsx';
import { useNavigation } from './app/navigation-store.ts';
import { useComposer } from './features/composer/composer-store.ts';
import './styles/app.css';

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
