import { describe, expect, it } from 'vitest';
import { channels, events } from '../../../../shared/api/contract.ts';
import { CHANNEL_NAME_PATTERN, isChannelName } from '../../../../shared/api/wire.ts';

describe('the wire grammar', () => {
  it('fits every request and event name in the contract, so the preload refuses none of them', () => {
    const names = [...Object.keys(channels), ...Object.keys(events)];
    expect(names.length).toBeGreaterThan(20);
    expect(names.filter((name) => !CHANNEL_NAME_PATTERN.test(name))).toEqual([]);
  });

  it('refuses names that cannot be channels', () => {
    for (const name of [
      '',
      'settings',
      '../x:y',
      'electron-store-get-data',
      'a:b:c',
      'Settings:get',
      42,
      null,
    ])
      expect(isChannelName(name)).toBe(false);
    expect(isChannelName('settings:get')).toBe(true);
  });
});
