import { describe, expect, it } from 'vitest';
import {
  mergeChannelNames,
  planChannelNames,
} from '../../../../../renderer/features/composer/channel-options.ts';
import { resetToDefaultPlan } from '../../../../../shared/plan/index.ts';

describe('channel options', () => {
  it('lists each channel of the plan once, in plan order', () => {
    expect(planChannelNames(resetToDefaultPlan())).toEqual([
      'operations-engineering-update',
      'github-community',
      'chat',
      'ask-comms',
    ]);
  });

  it('puts the plan’s channels before the rest of the directory', () => {
    expect(mergeChannelNames(['ops', 'chat'], ['zebra', 'chat', 'alpha', 'ops'])).toEqual([
      'ops',
      'chat',
      'alpha',
      'zebra',
    ]);
  });
});
