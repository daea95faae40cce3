import { describe, expect, it } from 'vitest';
import { createTestClock } from '../../../../../electron/core/clock/test-clock.ts';
import { createMemoryLogger } from '../../../../../electron/core/logging/logger.ts';
import { restartBlocker } from '../../../../../electron/core/updates/restart-blocker.ts';
import {
  createUpdateController,
  FIRST_CHECK_DELAY_MS,
  UPDATE_CHECK_INTERVAL_MS,
} from '../../../../../electron/core/updates/update-controller.ts';
import type { FeedCheckResult, UpdaterPort } from '../../../../../electron/core/updates/updater-port.ts';
import { compareVersions } from '../../../../../electron/core/updates/version-order.ts';

/** An updater whose feed answers with `offered` (null: inactive) and whose downloads succeed. */
function fakeUpdater(offered: () => FeedCheckResult | null) {
  const calls: string[] = [];
  const updater: UpdaterPort = {
    autoDownload: true,
    autoInstallOnAppQuit: false,
    allowDowngrade: true,
    currentVersion: { version: '1.2.0' },
    checkForUpdates: () => {
      calls.push('check');
      return Promise.resolve(offered());
    },
    downloadUpdate: () => {
      calls.push('download');
      return Promise.resolve(['/tmp/Herald-Setup.exe']);
    },
    quitAndInstall: (isSilent, isForceRunAfter) => {
      calls.push(`quitAndInstall(${String(isSilent)}, ${String(isForceRunAfter)})`);
    },
    on: () => undefined,
  };
  return { updater, calls };
}

function setup(
  options: { offered?: () => FeedCheckResult | null; sending?: number; unsaved?: boolean } = {},
) {
  const offered = options.offered ?? (() => ({ isUpdateAvailable: true, updateInfo: { version: '1.3.0' } }));
  const { updater, calls } = fakeUpdater(offered);
  const state = { sending: options.sending ?? 0, unsaved: options.unsaved ?? false };
  const clock = createTestClock(Date.parse('2026-12-06T09:00:00Z'));
  const controller = createUpdateController({
    updater,
    unsupportedReason: 'not here',
    currentVersion: '1.2.0',
    clock,
    logger: createMemoryLogger(),
    isAutoDownload: () => true,
    restartBlocker: () => restartBlocker(state.sending, state.unsaved),
    prepareToQuit: () => calls.push('prepareToQuit'),
    onChange: () => {},
  });
  return { controller, updater, calls, state, clock };
}

describe('the update controller', () => {
  it('takes the download decision and the downgrade rule from electron-updater and keeps install-on-quit on', () => {
    const { updater } = setup();
    expect(updater).toMatchObject({ autoDownload: false, allowDowngrade: false, autoInstallOnAppQuit: true });
  });

  it('never restarts while a message is sending or a draft has unsaved keystrokes', async () => {
    const { controller, calls, state } = setup({ sending: 1 });
    expect((await controller.check()).restartBlockedBy).toBe('A message is being sent to Slack.');
    expect(controller.restart()).toMatchObject({
      ok: false,
      error: { code: 'unavailable', message: 'A message is being sent to Slack.' },
    });
    state.sending = 0;
    state.unsaved = true;
    controller.refresh();
    expect(controller.status().restartBlockedBy).toBe(
      'The draft you are writing has changes that are not saved yet.',
    );
    expect(controller.restart().ok).toBe(false);
    expect(calls).not.toContain('prepareToQuit');
    state.unsaved = false;
    controller.refresh();
    expect(controller.status().restartBlockedBy).toBeNull();
    expect(controller.restart().ok).toBe(true);
    expect(calls.slice(-2)).toEqual(['prepareToQuit', 'quitAndInstall(false, true)']);
  });

  it('answers a click on "Check now" once the download has begun, and finishes it in the background', async () => {
    const { controller, calls } = setup();
    const answered = await controller.check({ waitForDownload: false });
    expect(answered).toMatchObject({ state: 'downloading', version: '1.3.0' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(controller.status()).toMatchObject({ state: 'ready', version: '1.3.0' });
    expect(calls).toEqual(['check', 'download']);
  });

  it('refuses to restart before an update is downloaded', () => {
    const { controller, calls } = setup();
    expect(controller.restart()).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(calls).toEqual([]);
  });

  it('refuses a version that is not newer even when the updater reports it as available', async () => {
    const { controller, calls } = setup({
      offered: () => ({ isUpdateAvailable: true, updateInfo: { version: '1.1.0' } }),
    });
    const status = await controller.check();
    expect(status.state).toBe('error');
    expect(status.message).toContain('Herald does not downgrade');
    expect(calls).toEqual(['check']);
  });

  it('checks shortly after start and then every few hours', async () => {
    const { controller, calls, clock } = setup({
      offered: () => ({ isUpdateAvailable: false, updateInfo: { version: '1.2.0' } }),
    });
    controller.start();
    clock.advance(FIRST_CHECK_DELAY_MS - 1);
    expect(calls).toEqual([]);
    clock.advance(1);
    await Promise.resolve();
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toEqual(['check']);
    expect(controller.status().state).toBe('up_to_date');
    clock.advance(UPDATE_CHECK_INTERVAL_MS);
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toEqual(['check', 'check']);
    controller.stop();
    clock.advance(UPDATE_CHECK_INTERVAL_MS * 3);
    expect(calls).toEqual(['check', 'check']);
  });

  it('does not start checking again when a check in flight finishes after stop', async () => {
    const { controller, calls, clock } = setup({
      offered: () => ({ isUpdateAvailable: false, updateInfo: { version: '1.2.0' } }),
    });
    controller.start();
    clock.advance(FIRST_CHECK_DELAY_MS);
    // The check has begun; Herald quits before it answers.
    controller.stop();
    await new Promise((resolve) => setImmediate(resolve));
    clock.advance(UPDATE_CHECK_INTERVAL_MS * 2);
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toEqual(['check']);
  });

  it('says why where this build cannot update itself', async () => {
    const clock = createTestClock(0);
    const controller = createUpdateController({
      updater: null,
      unsupportedReason: 'This is a development build.',
      currentVersion: '1.2.0',
      clock,
      logger: createMemoryLogger(),
      isAutoDownload: () => true,
      restartBlocker: () => null,
      prepareToQuit: () => {},
      onChange: () => {},
    });
    expect(await controller.check()).toMatchObject({
      state: 'unsupported',
      message: 'This is a development build.',
    });
    expect(controller.restart().ok).toBe(false);
  });

  it('keeps tokens and stacks out of the error it shows', async () => {
    const { controller } = setup({
      offered: () => {
        throw new Error(
          'Cannot GET https://feed.example.com/latest.yml?t=xoxb-123-456-abcdef\n    at Object.<anonymous> (main.js:1:1)',
        );
      },
    });
    const status = await controller.check();
    expect(status.message).toBe(
      'Herald could not check for updates: Cannot GET https://feed.example.com/latest.yml?t=[redacted-token]',
    );
  });
});

describe('version order', () => {
  it('orders releases and pre-releases as semver does', () => {
    expect(compareVersions('1.3.0', '1.2.9')).toBe(1);
    expect(compareVersions('1.2.0', '1.2.0')).toBe(0);
    expect(compareVersions('1.10.0', '1.9.0')).toBe(1);
    expect(compareVersions('1.3.0-beta.2', '1.3.0')).toBe(-1);
    expect(compareVersions('1.3.0-beta.10', '1.3.0-beta.2')).toBe(1);
    expect(compareVersions('1.3.0-alpha', '1.3.0-alpha.1')).toBe(-1);
    expect(compareVersions('not a version', '1.0.0')).toBeNull();
  });
});
