// Electron main entry (bundled to dist/electron/main.mjs).
import { startHeraldShell } from './shell/app.ts';

void startHeraldShell();
