// The page's only entry, and deliberately small: it sends the bootstrap
// request as its first act (server-state/early-bootstrap.ts), then imports
// the React app (main.tsx) once the answer has come (or taken too long).
//
// When the bootstrap brings a start screen — the composer as it was last
// drawn for the open draft (app/start-screen/) — it is drawn first, and React
// is fetched and evaluated only once that has painted: the lead's draft is on
// screen and takes keys before React has started, and React takes over from
// it (docs/performance.md, "Session 8"). The app's chunks are not preloaded by
// index.html for that reason (vite.config.ts). The first render waits for the
// bootstrap at most FIRST_RENDER_WAIT_MS, so a slow answer never holds the
// shell back.
// First, for its effect: the bootstrap request leaves before the other modules here are evaluated.
import './server-state/early-bootstrap.ts';
import { afterFirstPaint } from './app/after-first-paint.ts';
import { useNavigation } from './app/navigation-store.ts';
import { preloadScreen } from './app/screen-loaders.ts';
import { drawStartScreen } from './app/start-screen/draw.ts';
import { hasJournal } from './features/composer/unsaved-journal.ts';
import { bootstrapped, useStartup } from './server-state/bootstrap.ts';

/** How long the first paint waits for the bootstrap before showing the shell without it. */
const FIRST_RENDER_WAIT_MS = 150;

/** Draws the start screen when there is one for the draft the composer is about to reopen. */
function drawKeptComposer(): boolean {
  const { draftToReopen, startScreenHtml } = useStartup.getState();
  if (useNavigation.getState().screen !== 'compose' || !draftToReopen || !startScreenHtml) return false;
  // Text this page never saved waits in the journal: React opens that, which the kept copy does not show.
  if (hasJournal(window.localStorage, draftToReopen.draft.id)) return false;
  return drawStartScreen(startScreenHtml, draftToReopen.draft.id, draftToReopen.meta.focusedField);
}

async function openApp(): Promise<void> {
  await Promise.race([bootstrapped(), new Promise((settle) => setTimeout(settle, FIRST_RENDER_WAIT_MS))]);
  // Once the page has painted the draft, the first paint is past: React's first render draws the whole
  // composer, as the copy showed it.
  if (drawKeptComposer()) await new Promise<void>((settle) => afterFirstPaint(settle));
  await import('./main.tsx');
}

void bootstrapped();
preloadScreen(useNavigation.getState().screen);
void openApp();
