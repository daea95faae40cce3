// The update controller driving the real electron-updater (NsisUpdater, the
// generic provider) against a feed on 127.0.0.1.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UpdateStatus } from '../../../../../shared/desktop/update-status.ts';
import { createTestClock } from '../../../../../electron/core/clock/test-clock.ts';
import { createMemoryLogger } from '../../../../../electron/core/logging/logger.ts';
import {
  createUpdateController,
  type UpdateController,
} from '../../../../../electron/core/updates/update-controller.ts';
import {
  createLocalUpdater,
  installerName,
  startUpdateFeed,
  type LocalUpdaterOptions,
  type UpdateFeed,
} from '../../../../fakes/update-feed.ts';

const CURRENT = '1.2.0';
/** Its last four bytes are 0x80000000: this install sits at 50 % of a staged rollout. */
const HALFWAY_USER_ID = '6f1b7c52-8e0a-5b8b-9c3e-2d4f80000000';

let feed: UpdateFeed;
beforeEach(async () => {
  feed = await startUpdateFeed();
});
afterEach(() => feed.close());

function controllerFor(options: Partial<LocalUpdaterOptions> & { isAutoDownload?: boolean } = {}) {
  const updater = createLocalUpdater({
    feedUrl: feed.url,
    currentVersion: CURRENT,
    stagingUserId: HALFWAY_USER_ID,
    ...options,
  });
  const changes: UpdateStatus[] = [];
  const controller: UpdateController = createUpdateController({
    updater,
    unsupportedReason: '',
    currentVersion: CURRENT,
    clock: createTestClock(Date.parse('2026-12-06T09:00:00Z')),
    logger: createMemoryLogger(),
    isAutoDownload: () => options.isAutoDownload ?? true,
    restartBlocker: () => null,
    prepareToQuit: () => {},
    onChange: (status) => changes.push(status),
  });
  return { controller, updater, changes };
}

describe('updates from a local feed', () => {
  it('finds a newer version, downloads it in the background and verifies it before offering the restart', async () => {
    feed.publish({ version: '1.3.0' });
    const { controller, changes } = controllerFor();
    const status = await controller.check();
    expect(status).toMatchObject({ state: 'ready', version: '1.3.0', percent: 100, message: null });
    expect(changes.map((change) => change.state)).toEqual(
      expect.arrayContaining(['checking', 'available', 'downloading', 'ready']),
    );
    expect(feed.requests).toContain('latest.yml');
    expect(feed.requests).toContain(installerName('1.3.0'));
  });

  it('refuses a corrupt download (sha512 mismatch) and does not offer a restart', async () => {
    feed.publish({ version: '1.3.0', isCorrupt: true });
    const { controller } = controllerFor();
    const status = await controller.check();
    expect(status.state).toBe('error');
    expect(status.message).toMatch(/could not be downloaded: sha512 checksum mismatch/);
    expect(controller.restart()).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('reports a feed that is down, and tries again later', async () => {
    feed.publish({ version: '1.3.0' });
    feed.setDown(true);
    const { controller } = controllerFor();
    const down = await controller.check();
    expect(down.state).toBe('error');
    expect(down.message).toMatch(/^Herald could not check for updates: .*503/);
    feed.setDown(false);
    expect((await controller.check()).state).toBe('ready');
  });

  it('ignores a downgrade offered by mistake and downloads nothing', async () => {
    feed.publish({ version: '1.1.9' });
    const { controller, updater } = controllerFor();
    const status = await controller.check();
    expect(updater.allowDowngrade).toBe(false);
    expect(status).toMatchObject({ state: 'up_to_date', version: null });
    expect(feed.requests).not.toContain(installerName('1.1.9'));
  });

  it('follows the feed staged rollout: outside the share nothing is offered, inside it is', async () => {
    feed.publish({ version: '1.3.0', stagingPercentage: 30 });
    const outside = await controllerFor().controller.check();
    expect(outside.state).toBe('up_to_date');
    expect(feed.requests).not.toContain(installerName('1.3.0'));
    feed.publish({ version: '1.3.0', stagingPercentage: 70 });
    expect((await controllerFor().controller.check()).state).toBe('ready');
  });

  it('waits for "Download" when automatic download is off', async () => {
    feed.publish({ version: '1.3.0' });
    const { controller } = controllerFor({ isAutoDownload: false });
    expect(await controller.check()).toMatchObject({ state: 'available', version: '1.3.0' });
    expect(feed.requests).not.toContain(installerName('1.3.0'));
    expect(await controller.download()).toMatchObject({ state: 'ready', version: '1.3.0' });
  });

  it('refuses an update a signed build cannot verify as coming from its publisher', async () => {
    feed.publish({ version: '1.3.0' });
    const { controller, updater } = controllerFor({ publisherName: ['Ministry of Justice'] });
    updater.verifyUpdateCodeSignature = () => Promise.resolve('the installer is signed by "Someone Else"');
    const status = await controller.check();
    expect(status.state).toBe('error');
    expect(status.message).toMatch(/not signed by the application owner/);
  });
});
