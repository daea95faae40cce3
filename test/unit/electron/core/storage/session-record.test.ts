import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { currentBootId, openSessionRecord } from '../../../../../electron/core/storage/session-record.ts';
import { makeDataDir } from '../../../../support/core-fixture.ts';

describe('the session record', () => {
  it('fears lost writes only after a run that did not stop in order, in a boot that has ended', () => {
    const dataDir = makeDataDir();
    expect(openSessionRecord(dataDir, 'boot-a').mayHaveLostWrites).toBe(false);
    // Killed, same boot: the operating system still had every write.
    expect(openSessionRecord(dataDir, 'boot-a').mayHaveLostWrites).toBe(false);
    // Killed, then a new boot: the last unsynced writes may be gone.
    const afterPowerCut = openSessionRecord(dataDir, 'boot-b');
    expect(afterPowerCut.mayHaveLostWrites).toBe(true);
    afterPowerCut.endCleanly();
    expect(JSON.parse(readFileSync(join(dataDir, 'session.json'), 'utf8'))).toEqual({
      bootId: 'boot-b',
      endedCleanly: true,
    });
    // Stopped in order, then a new boot: nothing to fear.
    expect(openSessionRecord(dataDir, 'boot-c').mayHaveLostWrites).toBe(false);
  });

  it('treats an unreadable record as the unsafe case', () => {
    const dataDir = makeDataDir();
    writeFileSync(join(dataDir, 'session.json'), '{"bootId":');
    expect(openSessionRecord(dataDir, 'boot-a').mayHaveLostWrites).toBe(true);
    writeFileSync(join(dataDir, 'session.json'), '{"bootId":"boot-a"}');
    expect(openSessionRecord(dataDir, 'boot-a').mayHaveLostWrites).toBe(true);
  });

  it('names this boot the same way twice', () => {
    expect(currentBootId()).toBe(currentBootId());
    expect(currentBootId()).not.toBe('');
  });
});
