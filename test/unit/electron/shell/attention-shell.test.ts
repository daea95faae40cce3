// The desktop side of reminders through the whole shell (startHeraldShell on
// the fake electron module, fake timers standing in for the system clock): a
// due reminder becomes a native notification and changes the tray, a click
// routes the window to the composer, and closing the window keeps Herald in
// the tray while the setting is on.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestClock } from '../../../../electron/core/clock/test-clock.ts';
import { startHeraldShell } from '../../../../electron/shell/app.ts';
import { trayImage } from '../../../../electron/shell/tray-icons.ts';
import {
  app,
  BrowserWindow,
  ipcMain,
  Notification,
  powerMonitor,
  resetFakeElectron,
  Tray,
} from '../../../fakes/electron.ts';
import { makeCore } from '../../../support/core-fixture.ts';

const MINUTE_MS = 60_000;
const START_MS = Date.parse('2026-04-20T09:00:00Z');

interface MenuTemplateItem {
  label?: string;
  type?: string;
  enabled?: boolean;
  click?: () => void;
}

/** Promises an incident update in the data folder before Herald starts, as an earlier run would have. */
function promiseBeforeStart(dataDir: string, nextUpdateInMs: number) {
  const { core } = makeCore({ dataDir, clock: createTestClock(START_MS) });
  const promised = core.reminders.scheduler.promiseUpdate({
    incidentId: 'inc-42',
    incidentTitle: 'Sentry unavailable',
    nextUpdateAtMs: START_MS + nextUpdateInMs,
  });
  if (!promised.ok) throw new Error(promised.error.message);
  // The earlier run ends here; ending writes its coalesced reminder save.
  core.stop();
}

async function startShell() {
  const rendererDir = mkdtempSync(join(tmpdir(), 'herald-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Herald</title>');
  expect(await startHeraldShell({ electronDir: '/opt/herald/electron', rendererDir })).toBe(true);
  const window = BrowserWindow.instances[0]!;
  const tray = Tray.instances[0]!;
  const menu = () => (tray.menu as { items: MenuTemplateItem[] }).items;
  return { window, tray, menu };
}

function navigations(window: BrowserWindow) {
  return window.webContents.sent
    .filter((message) => message.channel === 'herald:event' && message.args[0] === 'app:navigate')
    .map((message) => message.args[1]);
}

describe('reminders on the desktop', () => {
  beforeEach(() => {
    resetFakeElectron();
    vi.useFakeTimers({
      now: START_MS,
      toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance'],
    });
    app.userDataPath = mkdtempSync(join(tmpdir(), 'herald-shell-'));
  });
  afterEach(() => {
    app.emit('before-quit');
    vi.useRealTimers();
  });

  it('starts with an idle tray that offers a new incident, opening Herald and quitting', async () => {
    const { tray, menu } = await startShell();
    expect(tray.image).toBe(trayImage({ state: 'idle', badge: null }));
    expect(tray.toolTip).toBe('Herald: nothing due');
    expect(menu().map((item) => item.label ?? item.type)).toEqual([
      'Nothing due',
      'separator',
      'New incident…',
      'Open Herald',
      'separator',
      'Quit Herald',
    ]);
  });

  it('shows a native notification naming the incident when its update falls due, and puts it in the tray', async () => {
    promiseBeforeStart(app.userDataPath, 30 * MINUTE_MS);
    const { tray, menu } = await startShell();
    vi.advanceTimersByTime(20 * MINUTE_MS);
    // Ten minutes before the promise: due soon in the tray, no notification yet.
    expect(tray.image).toBe(trayImage({ state: 'due_soon', badge: '1' }));
    expect(Notification.shown).toHaveLength(0);

    vi.advanceTimersByTime(5 * MINUTE_MS);
    expect(Notification.shown.map((shown) => shown.options.title)).toEqual([
      'Update due in 5 min: Sentry unavailable',
    ]);

    vi.advanceTimersByTime(5 * MINUTE_MS);
    const due = Notification.shown[1]!;
    expect(due.options).toMatchObject({
      title: 'Update due now: Sentry unavailable',
      silent: false,
      urgency: 'critical',
      timeoutType: 'never',
    });
    expect(due.options.body).toContain('10:30 BST');
    // The heads-up it replaces is taken down: one notification per incident.
    expect(Notification.shown[0]!.isClosed).toBe(true);
    expect(tray.image).toBe(trayImage({ state: 'overdue', badge: '1' }));
    expect(tray.toolTip).toBe('Herald: 1 due now');
    expect(app.badgeCount).toBe(1);
    expect(menu()[0]).toMatchObject({ label: '1 item needs you', enabled: false });
    expect(menu()[1]!.label).toBe('Due now: Sentry unavailable (incident update, 10:30 BST)');
  });

  it('routes a click on a due promise’s notification to the composer on that incident’s holding update', async () => {
    promiseBeforeStart(app.userDataPath, 2 * MINUTE_MS);
    const { window } = await startShell();
    vi.advanceTimersByTime(2 * MINUTE_MS);
    window.hide();

    Notification.shown.at(-1)!.click();
    expect(window.isShown).toBe(true);
    expect(window.focusCount).toBe(1);
    expect(navigations(window)).toEqual([
      { screen: 'compose', compose: { kind: 'incident_update', incidentId: 'inc-42', isHolding: true } },
    ]);
  });

  it('routes the notification’s “Post holding update” button (Windows) and the tray’s item to the holding update', async () => {
    const platform = Object.getOwnPropertyDescriptor(process, 'platform')!;
    Object.defineProperty(process, 'platform', { value: 'win32' });
    try {
      promiseBeforeStart(app.userDataPath, 2 * MINUTE_MS);
      const { window, menu } = await startShell();
      vi.advanceTimersByTime(2 * MINUTE_MS);
      const shown = Notification.shown.at(-1)!;
      const buttons = (shown.options.actions as Array<{ text: string }>).map((action) => action.text);
      expect(buttons[0]).toBe('Post holding update');
      shown.pressAction(0);
      menu().find((item) => item.label === 'Post holding update: Sentry unavailable')!.click!();
      const holding = {
        screen: 'compose',
        compose: { kind: 'incident_update', incidentId: 'inc-42', isHolding: true },
      };
      expect(navigations(window)).toEqual([holding, holding]);
    } finally {
      Object.defineProperty(process, 'platform', platform);
    }
  });

  it('acts on a tray item with one click, and opens the composer for a new incident', async () => {
    promiseBeforeStart(app.userDataPath, 2 * MINUTE_MS);
    const { window, menu } = await startShell();
    vi.advanceTimersByTime(2 * MINUTE_MS);
    menu()[1]!.click!();
    menu().find((item) => item.label === 'New incident…')!.click!();
    expect(navigations(window)).toEqual([
      { screen: 'compose', compose: { kind: 'incident_update', incidentId: 'inc-42', isHolding: false } },
      { screen: 'compose', compose: { kind: 'new', typeId: 'incidents', stage: 'declared' } },
    ]);
  });

  it('hides to the tray when the window is closed, and closes for good once the setting is off', async () => {
    const { window } = await startShell();
    window.show();
    window.close();
    expect(window.isDestroyed()).toBe(false);
    expect(window.isShown).toBe(false);

    // The reminders keep running: Open Herald in the tray brings the same window back.
    const tray = Tray.instances[0]!;
    (tray.menu as { items: MenuTemplateItem[] }).items.find((item) => item.label === 'Open Herald')!.click!();
    expect(window.isShown).toBe(true);

    await ipcMain.invokeAs(window.webContents, 'settings:update', { keepRunningInTray: false });
    window.close();
    expect(window.isDestroyed()).toBe(true);
  });

  it('opens a new window for a click after the window was closed, and routes it once the page has loaded', async () => {
    promiseBeforeStart(app.userDataPath, 2 * MINUTE_MS);
    const { window } = await startShell();
    await ipcMain.invokeAs(window.webContents, 'settings:update', { keepRunningInTray: false });
    window.close();
    vi.advanceTimersByTime(2 * MINUTE_MS);

    Notification.shown.at(-1)!.click();
    const reopened = BrowserWindow.instances[1]!;
    expect(navigations(reopened)).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(navigations(reopened)).toEqual([
      { screen: 'compose', compose: { kind: 'incident_update', incidentId: 'inc-42', isHolding: true } },
    ]);
  });

  it('quits for real from the tray, even when keeping running in the tray', async () => {
    const { window, menu } = await startShell();
    menu().find((item) => item.label === 'Quit Herald')!.click!();
    expect(app.didQuit).toBe(true);
    window.close();
    expect(window.isDestroyed()).toBe(true);
  });

  it('fires a reminder missed during sleep as soon as the machine resumes, marked late', async () => {
    promiseBeforeStart(app.userDataPath, 30 * MINUTE_MS);
    await startShell();
    // Asleep for three hours: wall time moves on, no timer runs.
    vi.setSystemTime(START_MS + 3 * 60 * MINUTE_MS);
    powerMonitor.emit('resume');
    expect(Notification.shown).toHaveLength(1);
    expect(Notification.shown[0]!.options.title).toBe('Update overdue: Sentry unavailable');
    expect(Notification.shown[0]!.options.body).toContain('Missed while your computer was asleep');
  });

  it('notices a clock change without any system event and re-checks at once', async () => {
    promiseBeforeStart(app.userDataPath, 30 * MINUTE_MS);
    await startShell();
    vi.setSystemTime(START_MS + 30 * MINUTE_MS + 30_000);
    vi.advanceTimersByTime(5_000);
    expect(Notification.shown.map((shown) => shown.options.title)).toEqual([
      'Update due now: Sentry unavailable',
    ]);
  });

  it('plays no sound when sounds are off', async () => {
    promiseBeforeStart(app.userDataPath, 2 * MINUTE_MS);
    const { window } = await startShell();
    await ipcMain.invokeAs(window.webContents, 'reminders:updateSettings', { isSoundEnabled: false });
    vi.advanceTimersByTime(2 * MINUTE_MS);
    expect(Notification.shown[0]!.options.silent).toBe(true);
  });
});
