// The React app, imported by start.ts once the bootstrap request is on its
// way. The first render waits for the bootstrap's answer (it has usually
// arrived while React was evaluated) so the shell and the open draft appear
// in one paint, with no "Opening your draft…" frame in between; a slow answer
// only holds the shell back for FIRST_RENDER_WAIT_MS, then the shell shows
// and the composer follows when the answer comes.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.tsx';
import { bootstrapped } from './server-state/bootstrap.ts';
import './styles/app.css';

/** How long the first paint waits for the bootstrap before showing the shell without it. */
const FIRST_RENDER_WAIT_MS = 150;

await Promise.race([bootstrapped(), new Promise((settle) => setTimeout(settle, FIRST_RENDER_WAIT_MS))]);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
