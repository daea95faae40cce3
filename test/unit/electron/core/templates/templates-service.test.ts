import { describe, expect, it } from 'vitest';
import { makeCore } from '../../../../support/core-fixture.ts';

describe('templates', () => {
  it('lists the built-ins for every default type and refuses to change or delete them', async () => {
    const { core } = makeCore();
    const listed = await core.router.call('templates:list', {});
    expect(listed.ok && listed.value.filter((template) => template.isBuiltIn).length).toBeGreaterThanOrEqual(
      10,
    );
    expect(await core.router.call('templates:delete', { id: 'default:incidents:declared' })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
  });

  it('duplicates, edits, saves from a draft and deletes the team’s own', async () => {
    const { core } = makeCore();
    const copy = await core.router.call('templates:duplicate', { id: 'default:incidents:declared' });
    expect(copy).toMatchObject({ ok: true, value: { isBuiltIn: false, name: 'Incident declared (copy)' } });
    const id = copy.ok ? copy.value.id : '';
    const edited = await core.router.call('templates:save', {
      template: {
        id,
        name: 'Our incident',
        typeId: 'incidents',
        stage: 'declared',
        body: 'Hello {service}',
        fields: {},
      },
    });
    expect(edited).toMatchObject({ ok: true, value: { id, name: 'Our incident' } });
    const draft = await core.router.call('drafts:create', {
      typeId: 'incidents',
      fields: { service: 'Sentry' },
    });
    const saved = await core.router.call('templates:fromDraft', {
      draftId: draft.ok ? draft.value.draft.id : '',
      name: 'From draft',
    });
    expect(saved).toMatchObject({ ok: true, value: { name: 'From draft', typeId: 'incidents' } });
    expect(await core.router.call('templates:delete', { id })).toMatchObject({ ok: true });
    expect(
      await core.router.call('templates:save', {
        template: { name: 'Bad', typeId: 'nope', stage: 'x', body: '', fields: {} },
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
  });
});
