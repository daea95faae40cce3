import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeCore, makeDataDir } from '../../../../support/core-fixture.ts';

async function newIncidentDraft(core: ReturnType<typeof makeCore>['core']) {
  const created = await core.router.call('drafts:create', { typeId: 'incidents' });
  if (!created.ok) throw new Error(created.error.message);
  return created.value;
}

describe('drafts', () => {
  it('creates a draft from the plan with the checklist’s pre-filled answers', async () => {
    const { core } = makeCore();
    const stored = await newIncidentDraft(core);
    expect(stored.draft).toMatchObject({
      typeId: 'incidents',
      stage: 'declared',
      channel: 'operations-engineering-update',
    });
    expect(Object.keys(stored.draft.fields)).toContain('apology');
    expect(stored.meta).toMatchObject({ revision: 0, origin: { kind: 'manual' }, deletedAtUtc: null });
  });

  it('autosaves every change to disk with the cursor field, and a restart finds it', async () => {
    const dataDir = makeDataDir();
    const { core } = makeCore({ dataDir });
    const stored = await newIncidentDraft(core);
    const edited = {
      ...stored.draft,
      fields: { ...stored.draft.fields, service: 'Sentry' },
      body: 'Typed offline',
    };
    expect(await core.router.call('drafts:save', { draft: edited, focusedField: 'service' })).toMatchObject({
      ok: true,
      value: { revision: 1 },
    });
    await core.router.call('drafts:setCurrent', { id: stored.draft.id });

    const reopened = makeCore({ dataDir });
    const current = await reopened.core.router.call('drafts:getCurrent', {});
    expect(current).toMatchObject({
      ok: true,
      value: {
        draft: { body: 'Typed offline', fields: { service: 'Sentry' } },
        meta: { focusedField: 'service', revision: 1 },
      },
    });
  });

  it('starts from a template, duplicates, and deletes with undo', async () => {
    const { core } = makeCore();
    const fromTemplate = await core.router.call('drafts:create', {
      typeId: 'incidents',
      templateId: 'default:incidents:declared',
    });
    expect(fromTemplate).toMatchObject({
      ok: true,
      value: { meta: { origin: { kind: 'template', templateId: 'default:incidents:declared' } } },
    });
    const id = fromTemplate.ok ? fromTemplate.value.draft.id : '';
    const copy = await core.router.call('drafts:duplicate', { id });
    expect(copy.ok && copy.value.draft.id).not.toBe(id);
    expect(await core.router.call('drafts:delete', { id })).toMatchObject({
      ok: true,
      value: { deletedAtUtc: expect.any(String) },
    });
    expect(
      (await core.router.call('drafts:list', {})).ok && (await core.router.call('drafts:list', {})),
    ).toMatchObject({ value: [expect.objectContaining({ id: copy.ok ? copy.value.draft.id : '' })] });
    expect(
      await core.router.call('drafts:save', {
        draft: fromTemplate.ok ? fromTemplate.value.draft : ({} as never),
      }),
    ).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await core.router.call('drafts:restore', { id })).toMatchObject({
      ok: true,
      value: { meta: { deletedAtUtc: null } },
    });
    expect(await core.router.call('drafts:list', {})).toMatchObject({
      ok: true,
      value: [expect.anything(), expect.anything()],
    });
  });

  it('empties the bin of drafts deleted more than 30 days ago', async () => {
    const dataDir = makeDataDir();
    const first = makeCore({ dataDir });
    const stored = await newIncidentDraft(first.core);
    await first.core.router.call('drafts:delete', { id: stored.draft.id });
    const later = makeCore({ dataDir });
    later.clock.set(later.clock.now() + 31 * 86_400_000);
    const afterBin = makeCore({ dataDir, clock: later.clock });
    expect(await afterBin.core.router.call('drafts:restore', { id: stored.draft.id })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('refuses unknown drafts, unknown types and hostile ids with clear errors', async () => {
    const { core } = makeCore();
    expect(await core.router.call('drafts:create', { typeId: 'no-such-type' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    const stored = await newIncidentDraft(core);
    const hostile = { ...stored.draft, id: '../../etc/passwd' };
    expect(await core.router.call('drafts:save', { draft: hostile })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(
      await core.router.invoke('drafts:save', { draft: { ...stored.draft, sneaky: true } }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
  });

  it('quarantines an unreadable draft file and keeps the others', async () => {
    const dataDir = makeDataDir();
    const first = makeCore({ dataDir });
    const kept = await newIncidentDraft(first.core);
    writeFileSync(join(dataDir, 'drafts', 'broken.json'), '{"schemaVersion":1,"data":');
    const second = makeCore({ dataDir });
    expect(await second.core.router.call('drafts:list', {})).toMatchObject({
      ok: true,
      value: [expect.objectContaining({ id: kept.draft.id })],
    });
    expect(second.core.storageNotices).toEqual([expect.objectContaining({ store: 'draft broken.json' })]);
    expect(readdirSync(join(dataDir, 'drafts')).some((name) => name.startsWith('broken.corrupt-'))).toBe(
      true,
    );
  });
});
