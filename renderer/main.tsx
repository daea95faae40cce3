import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { herald } from './api/herald.ts';
import { App } from './app/app.tsx';
import './styles/app.css';

herald();
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
