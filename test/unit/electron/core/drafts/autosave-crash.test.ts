import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { makeCore, makeDataDir } from '../../../../support/core-fixture.ts';

/** Runs the autosave child until it has acknowledged `acks` saves, then SIGKILLs it mid-stream. */
function typeThenCrash(dataDir: string, acks: number): Promise<{ revision: number; bodyLength: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/autosave-child.ts', dataDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let last = { revision: -1, bodyLength: 0 };
    let buffered = '';
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const [, revision, bodyLength] = line.split(' ');
        last = { revision: Number(revision), bodyLength: Number(bodyLength) };
        if (last.revision >= acks && child.exitCode === null) child.kill('SIGKILL');
      }
    });
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL'
        ? resolve(last)
        : reject(new Error(`child ended without being killed:\n${errors}`)),
    );
  });
}

describe('autosave under a crash', () => {
  it('loses no acknowledged keystroke when the process is killed mid-save', async () => {
    const dataDir = makeDataDir('herald-crash-');
    const acknowledged = await typeThenCrash(dataDir, 150);
    const { core } = makeCore({ dataDir });
    const current = await core.router.call('drafts:getCurrent', {});
    if (!current.ok || current.value === null) throw new Error('the draft was lost');
    // Saves after the last acknowledgement may also have landed; none before it may be missing.
    expect(current.value.meta.revision).toBeGreaterThanOrEqual(acknowledged.revision);
    expect(current.value.draft.body.length).toBeGreaterThanOrEqual(acknowledged.bodyLength);
    expect(current.value.draft.body.length).toBe(current.value.meta.revision);
    expect(core.storageNotices).toEqual([]);
  }, 60_000);
});
