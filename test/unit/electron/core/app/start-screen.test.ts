// Main's side of the start screen (electron/core/app/start-screen.ts): a
// copy of the composer is offered at the next bootstrap only while it shows
// the current draft at its revision and nothing else the first render draws
// from has changed; it outlives a restart; an unreadable file is dropped.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contextFingerprint } from '../../../../../electron/core/app/start-screen.ts';
import { START_SCREEN_MAX_CHARS } from '../../../../../shared/app/start-screen-limits.ts';
import { makeCore } from '../../../../support/core-fixture.ts';

const HTML =
  '<div class="app"><div class="composer"><input id="composer-title" data-field="title"></div></div>';

async function withOpenDraft(dataDir?: string) {
  const fixture = makeCore(dataDir ? { dataDir } : {});
  const { core } = fixture;
  const plan = await core.router.call('plan:get', {});
  if (!plan.ok) throw new Error(plan.error.message);
  const created = await core.router.call('drafts:create', {
    typeId: plan.value.types[0]!.id,
    title: 'Upgrade',
  });
  if (!created.ok) throw new Error(created.error.message);
  await core.router.call('drafts:setCurrent', { id: created.value.draft.id });
  const stored = created.value;
  /** Keeps HTML as the composer would for this draft at the revision it was created with. */
  const keep = () =>
    core.router.call('app:keepStartScreen', {
      draftId: stored.draft.id,
      revision: stored.meta.revision,
      html: HTML,
    });
  return { ...fixture, stored, keep };
}

async function offered(core: ReturnType<typeof makeCore>['core']): Promise<string | null> {
  const start = await core.router.call('app:bootstrap', {});
  if (!start.ok) throw new Error(start.error.message);
  return start.value.startScreen?.html ?? null;
}

describe('the start screen kept by main', () => {
  it('is offered at the next bootstrap for the current draft at the revision it showed', async () => {
    const { core, keep } = await withOpenDraft();
    expect(await offered(core)).toBeNull();
    const kept = await keep();
    expect(kept).toEqual({ ok: true, value: { kept: true } });
    expect(await offered(core)).toBe(HTML);
  });

  it('is refused for another draft or another revision than the current one', async () => {
    const { core, stored } = await withOpenDraft();
    const otherDraft = await core.router.call('app:keepStartScreen', {
      draftId: 'not-the-open-draft',
      revision: stored.meta.revision,
      html: HTML,
    });
    const otherRevision = await core.router.call('app:keepStartScreen', {
      draftId: stored.draft.id,
      revision: stored.meta.revision + 1,
      html: HTML,
    });
    expect(otherDraft).toEqual({ ok: true, value: { kept: false } });
    expect(otherRevision).toEqual({ ok: true, value: { kept: false } });
    expect(await offered(core)).toBeNull();
  });

  it('is no longer offered once the draft is saved again, or another draft is opened', async () => {
    const { core, stored, keep } = await withOpenDraft();
    await keep();
    const saved = await core.router.call('drafts:save', {
      draft: { ...stored.draft, title: 'Upgrade at 9' },
    });
    expect(saved.ok).toBe(true);
    expect(await offered(core)).toBeNull();

    const fresh = await withOpenDraft();
    await fresh.keep();
    const plan = await fresh.core.router.call('plan:get', {});
    if (!plan.ok) throw new Error(plan.error.message);
    const another = await fresh.core.router.call('drafts:create', { typeId: plan.value.types[0]!.id });
    if (!another.ok) throw new Error(another.error.message);
    await fresh.core.router.call('drafts:setCurrent', { id: another.value.draft.id });
    expect(await offered(fresh.core)).toBeNull();
  });

  it('is no longer offered once something else the composer draws from changes (here, the time zone)', async () => {
    const { core, keep } = await withOpenDraft();
    await keep();
    await core.router.call('settings:update', { timeZone: 'America/New_York' });
    expect(await offered(core)).toBeNull();
    // Kept again under the new settings, it is offered again.
    await keep();
    expect(await offered(core)).toBe(HTML);
    await core.router.call('settings:update', { timeZone: 'Europe/London' });
    expect(await offered(core)).toBeNull();
  });

  it('outlives a restart, and an unreadable file is dropped rather than offered', async () => {
    const { keep, dataDir } = await withOpenDraft();
    await keep();
    const restarted = makeCore({ dataDir });
    expect(await offered(restarted.core)).toBe(HTML);

    writeFileSync(join(dataDir, 'start-screen.json'), '{"version":1,"draftId":');
    const broken = makeCore({ dataDir });
    expect(await offered(broken.core)).toBeNull();
    expect(existsSync(join(dataDir, 'start-screen.json'))).toBe(false);
  });

  it('refuses HTML over the limit, or with fields the channel does not know', async () => {
    const { core, stored } = await withOpenDraft();
    const tooLong = await core.router.call('app:keepStartScreen', {
      draftId: stored.draft.id,
      revision: stored.meta.revision,
      html: 'x'.repeat(START_SCREEN_MAX_CHARS + 1),
    });
    expect(!tooLong.ok && tooLong.error.code).toBe('invalid_argument');
    const extra = await core.router.call('app:keepStartScreen', {
      draftId: stored.draft.id,
      revision: stored.meta.revision,
      html: HTML,
      script: 'alert(1)',
    } as never);
    expect(!extra.ok && extra.error.code).toBe('invalid_argument');
    expect(await offered(core)).toBeNull();
  });
});

describe('the fingerprint of what the first render draws from', () => {
  const base = async () => {
    const { core } = makeCore();
    const start = await core.router.call('app:bootstrap', {});
    if (!start.ok) throw new Error(start.error.message);
    return start.value;
  };
  const connection = (state: 'unknown' | 'online' | 'offline' | 'auth_stopped', message = 'm') => ({
    state,
    message,
    sinceUtc: '2026-04-20T09:00:00.000Z',
    nextCheckAtUtc: null,
  });

  it('is the same for a reachable and a not-yet-checked Slack (every start begins unchecked), whatever the times', async () => {
    const context = await base();
    const online = contextFingerprint({ ...context, connection: connection('online') });
    expect(contextFingerprint({ ...context, connection: connection('unknown', 'not checked yet') })).toBe(
      online,
    );
    expect(
      contextFingerprint({
        ...context,
        connection: { ...connection('online'), sinceUtc: '2026-04-21T09:00:00.000Z' },
      }),
    ).toBe(online);
  });

  it('changes when the composer would draw a note: offline, or a refused token', async () => {
    const context = await base();
    const online = contextFingerprint({ ...context, connection: connection('online') });
    expect(contextFingerprint({ ...context, connection: connection('offline') })).not.toBe(online);
    expect(contextFingerprint({ ...context, connection: connection('auth_stopped') })).not.toBe(online);
    expect(contextFingerprint({ ...context, connection: connection('offline', 'other words') })).not.toBe(
      contextFingerprint({ ...context, connection: connection('offline') }),
    );
  });
});
