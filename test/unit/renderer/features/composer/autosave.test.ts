import { describe, expect, it } from 'vitest';
import { fail, ok, type Result } from '../../../../../shared/api/index.ts';
import {
  createAutosaver,
  type AutosaveTimers,
  type DraftSnapshot,
  type SaveStatus,
  type SavedRevision,
} from '../../../../../renderer/features/composer/autosave.ts';
import type { Draft } from '../../../../../shared/messages/index.ts';

/** Timers the test moves by hand. */
function manualTimers() {
  let nowMs = 0;
  let next = 1;
  const pending = new Map<number, { atMs: number; run: () => void }>();
  const timers: AutosaveTimers = {
    set: (run, delayMs) => {
      const id = next++;
      pending.set(id, { atMs: nowMs + delayMs, run });
      return id;
    },
    clear: (handle) => void pending.delete(handle as number),
  };
  async function advance(ms: number): Promise<void> {
    const until = nowMs + ms;
    for (;;) {
      const due = [...pending.entries()]
        .filter(([, entry]) => entry.atMs <= until)
        .sort((a, b) => a[1].atMs - b[1].atMs)[0];
      if (!due) break;
      pending.delete(due[0]);
      nowMs = due[1].atMs;
      due[1].run();
      await settle();
    }
    nowMs = until;
    await settle();
  }
  return { timers, advance, pendingCount: () => pending.size };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function draft(body: string): Draft {
  return {
    id: 'd1',
    typeId: 'incidents',
    stage: 'declared',
    fields: {},
    notApplicable: {},
    body,
    channel: 'operations-engineering-update',
  };
}
const snapshot = (body: string, focusedField: string | null = 'body'): DraftSnapshot => ({
  draft: draft(body),
  focusedField,
});

function harness(answers: Array<Result<SavedRevision>> = []) {
  const clock = manualTimers();
  const saves: DraftSnapshot[] = [];
  const statuses: SaveStatus[] = [];
  let revision = 0;
  const saver = createAutosaver({
    timers: clock.timers,
    save: (snap) => {
      saves.push(snap);
      return Promise.resolve(
        answers.shift() ?? ok({ revision: ++revision, updatedAtUtc: '2026-04-23T11:00:00.000Z' }),
      );
    },
    onStatus: (status) => statuses.push(status),
  });
  return { saver, saves, statuses, clock };
}

describe('autosave', () => {
  it('saves once after a pause in typing, with only the newest text', async () => {
    const { saver, saves, statuses, clock } = harness();
    saver.schedule(snapshot('H'));
    await clock.advance(100);
    saver.schedule(snapshot('He'));
    await clock.advance(100);
    saver.schedule(snapshot('Hello'));
    expect(saves).toHaveLength(0);
    await clock.advance(300);
    expect(saves.map((item) => item.draft.body)).toEqual(['Hello']);
    expect(statuses.at(-1)).toBe('saved');
    expect(saver.hasUnsaved()).toBe(false);
  });

  it('saves at once on flush, without waiting for the pause', async () => {
    const { saver, saves } = harness();
    saver.schedule(snapshot('Typed then blurred'));
    await expect(saver.flush()).resolves.toBe(true);
    expect(saves.map((item) => item.draft.body)).toEqual(['Typed then blurred']);
  });

  it('flush with nothing unsaved sends nothing', async () => {
    const { saver, saves } = harness();
    await expect(saver.flush()).resolves.toBe(true);
    expect(saves).toHaveLength(0);
  });

  it('retries a failed save with growing pauses and says so meanwhile', async () => {
    const down = fail<SavedRevision>('unavailable', 'Herald’s local service is not reachable.');
    const { saver, saves, statuses, clock } = harness([down, down]);
    saver.schedule(snapshot('Keep me'));
    await clock.advance(300);
    expect(statuses.at(-1)).toBe('retrying');
    await clock.advance(1_000);
    expect(saves).toHaveLength(2);
    expect(statuses.at(-1)).toBe('retrying');
    await clock.advance(1_999);
    expect(saves).toHaveLength(2);
    await clock.advance(1);
    expect(saves).toHaveLength(3);
    expect(statuses.at(-1)).toBe('saved');
    expect(saves.at(-1)?.draft.body).toBe('Keep me');
  });

  it('keeps typing during a retry, and the retry carries the newest text', async () => {
    const { saver, saves, clock } = harness([fail('unavailable', 'down')]);
    saver.schedule(snapshot('one'));
    await clock.advance(300);
    saver.schedule(snapshot('one two'));
    await clock.advance(1_000);
    expect(saves.map((item) => item.draft.body)).toEqual(['one', 'one two']);
    expect(saver.hasUnsaved()).toBe(false);
  });

  it('stops for good when the draft is gone, and reports it', async () => {
    const { saver, saves, statuses, clock } = harness([fail('conflict', 'This draft is in the bin.')]);
    saver.schedule(snapshot('lost?'));
    await clock.advance(300);
    expect(statuses.at(-1)).toBe('failed');
    await clock.advance(60_000);
    expect(saves).toHaveLength(1);
    expect(saver.unsavedSnapshot()?.draft.body).toBe('lost?');
  });

  it('saves a change made while a save is in flight right after it', async () => {
    const clock = manualTimers();
    const bodies: string[] = [];
    let release: (() => void) | null = null;
    const saver = createAutosaver({
      timers: clock.timers,
      save: (snap) => {
        bodies.push(snap.draft.body);
        return new Promise((resolve) => {
          release = () => resolve(ok({ revision: bodies.length, updatedAtUtc: '2026-04-23T11:00:00.000Z' }));
        });
      },
      onStatus: () => {},
    });
    saver.schedule(snapshot('a'));
    await clock.advance(300);
    saver.schedule(snapshot('ab'));
    const flushed = saver.flush();
    (release as unknown as () => void)();
    await settle();
    (release as unknown as () => void)();
    await expect(flushed).resolves.toBe(true);
    expect(bodies).toEqual(['a', 'ab']);
  });
});
