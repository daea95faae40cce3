import { describe, expect, it } from 'vitest';
import { makeCore } from '../../../../support/core-fixture.ts';

describe('app:bootstrap', () => {
  it('answers everything the first screen needs in one call, with no data folder path', async () => {
    const { core, dataDir } = makeCore({ withTestClock: true });
    const result = await core.router.call('app:bootstrap', {});
    if (!result.ok) throw new Error(result.error.message);
    const start = result.value;
    expect(start.info).toMatchObject({
      version: '0.0.0-test',
      host: 'browser-harness',
      hasTestClock: true,
      storageNotices: [],
    });
    expect(start.nowUtc).toBe('2026-04-20T09:00:00.000Z');
    expect(start.settings.timeZone).toBe('Europe/London');
    expect(start.reminderSettings.snoozeMs).toBeGreaterThan(0);
    expect(start.plan.types.length).toBeGreaterThan(0);
    expect(start.currentDraft).toBeNull();
    expect(start.connection.state).toBeDefined();
    expect(JSON.stringify(start)).not.toContain(dataDir);
  });

  it('carries the draft the composer had open, and the same answers as the single channels', async () => {
    const { core } = makeCore();
    const plan = await core.router.call('plan:get', {});
    if (!plan.ok) throw new Error(plan.error.message);
    const created = await core.router.call('drafts:create', { typeId: plan.value.types[0]!.id });
    if (!created.ok) throw new Error(created.error.message);
    await core.router.call('drafts:setCurrent', { id: created.value.draft.id });
    await core.router.call('settings:update', { timeZone: 'America/New_York' });

    const result = await core.router.call('app:bootstrap', {});
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.currentDraft?.draft.id).toBe(created.value.draft.id);
    expect({ ok: true, value: result.value.currentDraft }).toEqual(
      await core.router.call('drafts:getCurrent', {}),
    );
    expect({ ok: true, value: result.value.settings }).toEqual(await core.router.call('settings:get', {}));
    expect({ ok: true, value: result.value.plan }).toEqual(await core.router.call('plan:get', {}));
    expect({ ok: true, value: result.value.reminderSettings }).toEqual(
      await core.router.call('reminders:getSettings', {}),
    );
    // The Slack connection too, so the "not connected" banner is in the first render.
    expect({ ok: true, value: result.value.slack }).toEqual(await core.router.call('slack:status', {}));
    expect(result.value.slack.connected).toBe(false);
  });

  it("carries the lead's zone's offsets around now, so the page's first render needs no Intl zone data", async () => {
    const { core } = makeCore({ withTestClock: true });
    await core.router.call('settings:update', { timeZone: 'America/New_York' });
    const result = await core.router.call('app:bootstrap', {});
    if (!result.ok) throw new Error(result.error.message);
    const { zoneOffsets } = result.value;
    expect(zoneOffsets.zone).toBe('America/New_York');
    const nowDay = Math.floor(Date.parse(result.value.nowUtc) / 86_400_000);
    const days = zoneOffsets.days.map(([day]) => day);
    expect(days[0]).toBeLessThanOrEqual(nowDay - 7);
    expect(days.at(-1)).toBeGreaterThanOrEqual(nowDay + 62);
    // 20 April 2026 in New York: EDT, four hours behind UTC.
    expect(zoneOffsets.days.find(([day]) => day === nowDay)?.[1]).toBe(-4 * 3_600_000);
  });

  it('keeps app:info free of the data folder path', async () => {
    const { core, dataDir } = makeCore();
    const info = await core.router.call('app:info', {});
    expect(info.ok).toBe(true);
    expect(JSON.stringify(info)).not.toContain(dataDir);
  });
});
