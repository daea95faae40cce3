import { describe, expect, it } from 'vitest';
import { makeCore, makeDataDir } from '../../../../support/core-fixture.ts';

describe('the plan service', () => {
  it('saves a valid edit, refuses an invalid one whole, and resets to the default', async () => {
    const dataDir = makeDataDir();
    const { core } = makeCore({ dataDir });
    const original = await core.router.call('plan:get', {});
    if (!original.ok) throw new Error('no plan');
    const renamed = structuredClone(original.value);
    renamed.types[0]!.name = 'Shiny new things';
    const saved = await core.router.call('plan:update', { plan: renamed });
    expect(saved.ok && saved.value.types[0]!.name).toBe('Shiny new things');

    const broken = structuredClone(renamed);
    broken.types[1]!.id = broken.types[0]!.id;
    broken.types[0]!.name = 'Half-way edit';
    const refused = await core.router.call('plan:update', { plan: broken });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    const reopened = makeCore({ dataDir });
    const kept = await reopened.core.router.call('plan:get', {});
    expect(kept.ok && kept.value.types[0]!.name).toBe('Shiny new things');
    expect(await reopened.core.router.call('plan:reset', {})).toEqual(original);
  });

  it('checks an edited plan without saving it, naming each problem by its field', async () => {
    const { core } = makeCore();
    const original = await core.router.call('plan:get', {});
    if (!original.ok) throw new Error('no plan');
    const edited = structuredClone(original.value);
    edited.types[0]!.destinations = [{ kind: 'slack', channel: '#Ops-Update ' }];
    const accepted = await core.router.call('plan:check', { plan: edited });
    if (!accepted.ok || !accepted.value.ok) throw new Error('expected the edit to pass');
    expect(accepted.value.value.types[0]!.destinations).toEqual([{ kind: 'slack', channel: 'ops-update' }]);

    const broken = structuredClone(original.value);
    broken.types[0]!.name = '';
    broken.types[1]!.id = broken.types[0]!.id;
    const checked = await core.router.call('plan:check', { plan: broken });
    if (!checked.ok || checked.value.ok) throw new Error('expected problems');
    expect(checked.value.error.map((problem) => problem.path)).toEqual(
      expect.arrayContaining(['types.0.name', 'types.1.id']),
    );
    expect(await core.router.call('plan:get', {})).toEqual(original);
  });
});
