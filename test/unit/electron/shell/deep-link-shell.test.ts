import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { app, BrowserWindow, resetFakeElectron } from '../../../fakes/electron.ts';
import { startHeraldShell } from '../../../../electron/shell/app.ts';
import { linkInArgv } from '../../../../electron/shell/deep-link-shell.ts';

const ID = '3f2b8c1e-9a4d-4e7b-8c2f-1d5e6a7b8c9d';
const originalArgv = process.argv;

async function startShell(argv: string[] = ['herald']) {
  process.argv = argv;
  app.userDataPath = mkdtempSync(join(tmpdir(), 'herald-shell-'));
  const rendererDir = mkdtempSync(join(tmpdir(), 'herald-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Herald</title>');
  await startHeraldShell({ electronDir: '/opt/herald/electron', rendererDir });
  const window = BrowserWindow.instances[0]!;
  await new Promise((resolve) => setImmediate(resolve));
  return window;
}

/** The links:opened events the window was sent. */
const linkEvents = (window: BrowserWindow) =>
  window.webContents.sent
    .filter((message) => message.channel === 'herald:event' && message.args[0] === 'links:opened')
    .map((message) => message.args[1]);

describe('herald:// links in the desktop shell', () => {
  beforeEach(() => resetFakeElectron());
  afterEach(() => {
    process.argv = originalArgv;
    app.emit('before-quit');
  });

  it('registers Herald as the handler of herald:// links', async () => {
    await startShell();
    expect(app.isDefaultProtocolClient('herald')).toBe(true);
  });

  it('opens the link a cold start was launched with, once the page has loaded', async () => {
    const window = await startShell(['herald', `herald://incident/${ID}`]);
    // Polled, not slept on: core reads Slack (or finds it not connected) in its own time on a busy machine.
    await expect
      .poll(() => linkEvents(window))
      .toEqual([
        { status: 'syncing', target: { kind: 'incident', id: ID } },
        // Slack is not connected in this test: the read finds nothing and says why.
        { status: 'not_found', target: { kind: 'incident', id: ID }, reason: 'slack_not_connected' },
      ]);
    expect(window.isShown).toBe(true);
  });

  it('shows and focuses the window for a second launch’s link (Windows, Linux), refusing a bad one', async () => {
    const window = await startShell();
    const focused = window.focusCount;
    app.emit('second-instance', {}, ['herald', '--flag', 'herald://incident/../../etc']);
    await expect.poll(() => linkEvents(window)).toEqual([{ status: 'refused', reason: 'malformed' }]);
    expect(window.focusCount).toBeGreaterThan(focused);
  });

  it('takes macOS’s open-url, preventing the default', async () => {
    const window = await startShell();
    let isPrevented = false;
    app.emit('open-url', { preventDefault: () => (isPrevented = true) }, 'javascript:alert(1)');
    await expect.poll(() => linkEvents(window)).toEqual([{ status: 'refused', reason: 'wrong_scheme' }]);
    expect(isPrevented).toBe(true);
  });

  it('finds the link among a launch’s arguments', () => {
    expect(linkInArgv(['herald.exe', '--', `HERALD://event/${ID}`])).toBe(`HERALD://event/${ID}`);
    expect(linkInArgv(['herald', '--hidden'])).toBeNull();
  });
});
