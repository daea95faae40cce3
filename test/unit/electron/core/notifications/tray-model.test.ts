import { describe, expect, it } from 'vitest';
import {
  badgeFor,
  buildTrayModel,
  MAX_TRAY_ITEMS,
  type TrayContext,
} from '../../../../../electron/core/notifications/tray-model.ts';
import { trayState } from '../../../../../shared/reminders/attention.ts';
import type { Reminder } from '../../../../../shared/reminders/reminder.ts';
import { linux, mac, MINUTE_MS, NOW_MS, reminder } from './fixtures.ts';

const context: TrayContext = { nowMs: NOW_MS, timeZone: 'Europe/London', capabilities: linux };
const model = (reminders: Reminder[], overrides: Partial<TrayContext> = {}) =>
  buildTrayModel(trayState(reminders, NOW_MS, { dueSoonWindowMs: 15 * MINUTE_MS }), {
    ...context,
    ...overrides,
  });

const labels = (items: ReturnType<typeof model>['menu']) =>
  items.map((item) => (item.type === 'separator' ? '—' : item.label));

describe('the tray model', () => {
  it('is idle with nothing due, and still offers a new incident, Herald and Quit', () => {
    const idle = model([]);
    expect(idle).toMatchObject({
      icon: { state: 'idle', badge: null },
      title: '',
      tooltip: 'Herald: nothing due',
      count: 0,
    });
    expect(labels(idle.menu)).toEqual([
      'Nothing due',
      '—',
      'New incident…',
      'Open Herald',
      '—',
      'Quit Herald',
    ]);
    expect(idle.menu.filter((item) => item.type === 'item').map((item) => item.command)).toEqual([
      {
        type: 'navigate',
        request: { screen: 'compose', compose: { kind: 'new', typeId: 'incidents', stage: 'declared' } },
      },
      { type: 'open' },
      { type: 'quit' },
    ]);
  });

  it('offers "Restart to update" just before Quit once an update has been downloaded', () => {
    const ready = model([], { readyUpdateVersion: '1.3.0' });
    expect(labels(ready.menu)).toEqual([
      'Nothing due',
      '—',
      'New incident…',
      'Open Herald',
      '—',
      'Restart to update (1.3.0)',
      'Quit Herald',
    ]);
    expect(ready.menu.at(-2)).toMatchObject({ type: 'item', command: { type: 'restart_to_update' } });
    expect(labels(model([], { readyUpdateVersion: null }).menu)).not.toContain('Restart to update (1.3.0)');
  });

  it('shows due soon when a promise comes within the window, with the count in the icon', () => {
    const dueSoon = model([reminder('incident_due', { dueAtMs: NOW_MS + 10 * MINUTE_MS })]);
    expect(dueSoon).toMatchObject({
      icon: { state: 'due_soon', badge: '1' },
      tooltip: 'Herald: 1 due soon',
      count: 1,
    });
    expect(labels(dueSoon.menu).slice(0, 2)).toEqual([
      '1 item needs you',
      'Due soon: Sentry unavailable (incident update, 10:10 BST)',
    ]);
  });

  it('shows overdue when anything is due or late, listing the most urgent first with one click to the composer', () => {
    const state = model([
      reminder('maintenance_comm', {
        subject: { type: 'maintenance', eventId: 'ev-1', stage: 'announcement' },
        title: 'Jira & Confluence',
        dueAtMs: NOW_MS,
      }),
      reminder('incident_overdue', {
        subject: { type: 'incident', incidentId: 'inc-9' },
        title: 'VPN down',
        dueAtMs: NOW_MS - 5 * MINUTE_MS,
        eventAtMs: NOW_MS - 10 * MINUTE_MS,
        state: 'fired',
      }),
    ]);
    expect(state.icon).toEqual({ state: 'overdue', badge: '2' });
    expect(state.tooltip).toBe('Herald: 1 overdue, 1 due now');
    const [, first, holding, second] = state.menu;
    expect(first).toEqual({
      type: 'item',
      label: 'Overdue: VPN down (incident update, 09:50 BST)',
      command: {
        type: 'navigate',
        request: {
          screen: 'compose',
          compose: { kind: 'incident_update', incidentId: 'inc-9', isHolding: false },
        },
      },
    });
    // A late promise: its holding update, complete as drafted, is one click away too.
    expect(holding).toEqual({
      type: 'item',
      label: 'Post holding update: VPN down',
      command: {
        type: 'navigate',
        request: {
          screen: 'compose',
          compose: { kind: 'incident_update', incidentId: 'inc-9', isHolding: true },
        },
      },
    });
    // '&' would become a keyboard mnemonic in Windows and Linux menus.
    expect(second).toMatchObject({
      label: 'Due now: Jira and Confluence (maintenance announcement, 10:00 BST)',
    });
  });

  it('puts the count beside the icon on macOS rather than in it', () => {
    const onMac = model([reminder('incident_due', { dueAtMs: NOW_MS })], { capabilities: mac });
    expect(onMac).toMatchObject({ icon: { state: 'overdue', badge: null }, title: '1' });
  });

  it('lists at most a handful of items and sends the rest to Herald', () => {
    const many = Array.from({ length: 12 }, (_, index) =>
      reminder('incident_due', {
        subject: { type: 'incident', incidentId: `inc-${index}` },
        title: `Incident ${index}`,
        dueAtMs: NOW_MS - index * MINUTE_MS,
      }),
    );
    const crowded = model(many);
    expect(crowded.icon.badge).toBe('9+');
    // Each incident shown is followed by its holding update.
    const items = crowded.menu.filter(
      (item) => item.type === 'item' && !item.label.startsWith('Post holding'),
    );
    expect(items).toHaveLength(MAX_TRAY_ITEMS + 4);
    expect(
      crowded.menu.filter((item) => item.type === 'item' && item.label.startsWith('Post holding')),
    ).toHaveLength(MAX_TRAY_ITEMS);
    expect(items[MAX_TRAY_ITEMS]).toEqual({
      type: 'item',
      label: '4 more in Herald…',
      command: { type: 'open' },
    });
  });

  it('shortens long titles for the menu', () => {
    const long = model([reminder('incident_due', { title: 'A'.repeat(200) })]);
    const label = long.menu[1]!.type === 'item' ? long.menu[1]!.label : '';
    expect(label).toMatch(/^Due now: A{59}… \(incident update/);
  });

  it('caps the badge at 9+', () => {
    expect([0, 1, 9, 10, 250].map(badgeFor)).toEqual([null, '1', '9', '9+', '9+']);
  });
});
