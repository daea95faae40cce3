import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { herald } from './api/herald.ts';
import { App } from './app/app.tsx';
import { useNavigation } from './app/navigation-store.ts';
import { preloadScreen } from './app/screen-loaders.ts';
import { bootstrapped } from './server-state/bootstrap.ts';
import './styles/app.css';

herald();
// Before React renders: the one request for what the first screen needs, and that screen's code.
void bootstrapped();
preloadScreen(useNavigation.getState().screen);
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
