// The one IPC chokepoint in main. Every contract channel gets an
// ipcMain.handle whose first act is to check that the sender is our own
// window's main frame showing our own origin; the router then validates the
// arguments against the channel's schema. Events go out on one channel.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { fail, type Channel } from '../../shared/api/index.ts';
import { EVENT_CHANNEL } from '../../shared/api/wire.ts';
import type { EventBus } from '../core/api/event-bus.ts';
import type { Router } from '../core/api/router.ts';
import type { Logger } from '../core/logging/logger.ts';
import { isAppUrl } from './window-security.ts';

export interface IpcBridgeDeps {
  ipcMain: IpcMain;
  router: Router;
  bus: EventBus;
  logger: Logger;
  /** The web contents allowed to call: Herald's own windows. */
  trustedContents: () => readonly WebContents[];
}

export function isTrustedSender(event: IpcMainInvokeEvent, trusted: readonly WebContents[]): boolean {
  const frame = event.senderFrame;
  if (!frame || !trusted.includes(event.sender)) return false;
  // Only the top frame, and only while it shows our bundled app.
  return frame === event.sender.mainFrame && isAppUrl(frame.url);
}

export function bindIpc(deps: IpcBridgeDeps): () => void {
  const names: readonly Channel[] = deps.router.channelNames;
  for (const channel of names) {
    deps.ipcMain.removeHandler(channel);
    deps.ipcMain.handle(channel, async (event, args: unknown) => {
      if (!isTrustedSender(event, deps.trustedContents())) {
        deps.logger.warn('ipc.untrusted_sender', { channel, url: event.senderFrame?.url?.slice(0, 120) });
        return fail('forbidden', 'This request did not come from Herald’s own window.');
      }
      return deps.router.invoke(channel, args);
    });
  }
  const unsubscribe = deps.bus.subscribe((event, payload) => {
    for (const contents of deps.trustedContents()) {
      if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, event, payload);
    }
  });
  return () => {
    unsubscribe();
    for (const channel of names) deps.ipcMain.removeHandler(channel);
  };
}
