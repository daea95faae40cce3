// The desktop side of "Open in Herald": registers Herald as the OS handler of
// herald:// links and hands every link it is launched or re-launched with to
// core (core/deep-links), which parses it strictly and tells the window.
// Windows and Linux start a second instance with the link in its argv (the
// first one gets `second-instance`); macOS sends `open-url`, which must be
// listened for before `ready` so a cold start's link is not missed.
import { app } from 'electron';
import { HERALD_LINK_SCHEME } from '../../shared/deep-links/herald-link.ts';

/** The argv entry that is a herald: link, if any (checked strictly by core, not here). */
export function linkInArgv(argv: readonly string[]): string | null {
  return argv.find((arg) => arg.toLowerCase().startsWith(`${HERALD_LINK_SCHEME}:`)) ?? null;
}

export interface DeepLinkShell {
  /** Called once the window and core exist: links that arrived before are handed over then. */
  ready(deliver: (link: string) => void): void;
  /** A second launch's argv (Windows, Linux). */
  fromArgv(argv: readonly string[]): void;
}

/** Registers the scheme and listens for macOS's open-url; call before `ready`. */
export function startDeepLinkShell(argv: readonly string[]): DeepLinkShell {
  // A packaged app is registered by its installer (electron-builder `protocols`); a development run registers itself.
  if (!app.isDefaultProtocolClient(HERALD_LINK_SCHEME)) app.setAsDefaultProtocolClient(HERALD_LINK_SCHEME);
  const pending: string[] = [];
  let deliver: ((link: string) => void) | null = null;
  const take = (link: string) => (deliver ? deliver(link) : pending.push(link));
  app.on('open-url', (event: { preventDefault: () => void }, url: string) => {
    event.preventDefault();
    take(url);
  });
  const coldStart = linkInArgv(argv);
  if (coldStart !== null) pending.push(coldStart);
  return {
    ready(handOver) {
      deliver = handOver;
      for (const link of pending.splice(0)) handOver(link);
    },
    fromArgv(secondArgv) {
      const link = linkInArgv(secondArgv);
      if (link !== null) take(link);
    },
  };
}
