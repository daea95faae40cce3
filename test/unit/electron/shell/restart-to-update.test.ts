// "Restart to update" from the tray, through core: offered once an update is
// downloaded, refused (and Settings shown) while the composer has unsaved
// keystrokes or a message is sending, and carried out otherwise.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSystemClock } from '../../../../electron/core/clock/clock.ts';
import { createMemoryLogger } from '../../../../electron/core/logging/logger.ts';
import type { UpdaterPort } from '../../../../electron/core/updates/updater-port.ts';
import { startAttentionShell, type AttentionShell } from '../../../../electron/shell/attention-shell.ts';
import { resetFakeElectron, Tray } from '../../../fakes/electron.ts';
import { makeCore } from '../../../support/core-fixture.ts';

interface MenuTemplateItem {
  label?: string;
  click?: () => void;
}

function readyUpdater(calls: string[]): UpdaterPort {
  return {
    autoDownload: true,
    autoInstallOnAppQuit: false,
    allowDowngrade: true,
    currentVersion: { version: '0.0.0-test' },
    checkForUpdates: () => Promise.resolve({ isUpdateAvailable: true, updateInfo: { version: '1.3.0' } }),
    downloadUpdate: () => Promise.resolve(['/tmp/Herald-1.3.0.AppImage']),
    quitAndInstall: () => calls.push('quitAndInstall'),
    on: () => undefined,
  };
}

let shell: AttentionShell | null = null;
beforeEach(() => resetFakeElectron());
afterEach(() => {
  shell?.stop();
  shell = null;
});

describe('restart to update from the tray', () => {
  it('is offered once downloaded, waits for unsaved keystrokes, then restarts into the update', async () => {
    const calls: string[] = [];
    const { core } = makeCore({
      updater: readyUpdater(calls),
      prepareToQuit: () => calls.push('prepareToQuit'),
    });
    const revealed: string[] = [];
    shell = startAttentionShell({
      core,
      clock: createSystemClock(),
      logger: createMemoryLogger(),
      platform: 'linux',
      revealWindow: (then) => {
        revealed.push('window');
        then();
      },
      quit: () => calls.push('quit'),
    });
    const menu = () => (Tray.instances[0]!.menu as { items: MenuTemplateItem[] }).items;
    expect(menu().map((item) => item.label)).not.toContain('Restart to update (1.3.0)');

    expect((await core.router.call('updates:check', {})).ok).toBe(true);
    const restartItem = () => menu().find((item) => item.label === 'Restart to update (1.3.0)');
    // The check answers once the download has begun; the tray changes when it is done.
    await vi.waitFor(() => expect(restartItem()).toBeDefined());

    const navigations: unknown[] = [];
    core.bus.subscribe((event, payload) => {
      if (event === 'app:navigate') navigations.push(payload);
    });
    await core.router.call('app:reportUnsavedWork', { hasUnsavedDraft: true });
    expect(await core.router.call('updates:status', {})).toMatchObject({
      ok: true,
      value: { restartBlockedBy: 'The draft you are writing has changes that are not saved yet.' },
    });
    restartItem()!.click!();
    expect(calls).toEqual([]);
    expect(revealed).toEqual(['window']);
    expect(navigations).toEqual([{ screen: 'settings' }]);

    await core.router.call('app:reportUnsavedWork', { hasUnsavedDraft: false });
    restartItem()!.click!();
    expect(calls).toEqual(['prepareToQuit', 'quitAndInstall']);
  });
});
