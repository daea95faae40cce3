// Autosave for the open draft: every change is scheduled, saved after a
// short pause in typing (one request, however fast the typing), saved at
// once on flush (blur, the page hiding, switching drafts or sending), and
// retried with growing pauses when the save fails for a reason that can
// pass. Only the newest snapshot is ever sent; a change made while a save
// is in flight is saved right after it. No DOM: timers are injected.
import type { ApiError, Result } from '../../../shared/api/index.ts';
import type { Draft } from '../../../shared/messages/draft-schema.ts';

export interface DraftSnapshot {
  draft: Draft;
  focusedField: string | null;
}

export interface SavedRevision {
  revision: number;
  updatedAtUtc: string;
}

/**
 * - saved: the server has the newest snapshot.
 * - pending: a change waits for the pause in typing; saving: a request is in flight.
 * - retrying: the last save failed; another attempt is scheduled.
 * - failed: the server refused in a way retrying cannot fix (the draft was sent or deleted elsewhere).
 */
export type SaveStatus = 'saved' | 'pending' | 'saving' | 'retrying' | 'failed';

export interface AutosaveTimers {
  set: (run: () => void, delayMs: number) => unknown;
  clear: (handle: unknown) => void;
}

export interface AutosaveOptions {
  save: (snapshot: DraftSnapshot) => Promise<Result<SavedRevision>>;
  onStatus: (status: SaveStatus, error: ApiError | null) => void;
  onSaved?: (snapshot: DraftSnapshot, saved: SavedRevision) => void;
  delayMs?: number;
  retryDelaysMs?: readonly number[];
  timers?: AutosaveTimers;
}

export interface Autosaver {
  schedule: (snapshot: DraftSnapshot) => void;
  /** Saves now if anything is unsaved; resolves true once the newest snapshot is saved. */
  flush: () => Promise<boolean>;
  /** True while some change has not reached the server. */
  hasUnsaved: () => boolean;
  /** The newest snapshot not yet saved, for the unload journal. */
  unsavedSnapshot: () => DraftSnapshot | null;
  /** Stops timers; unsaved changes are dropped (flush first). */
  dispose: () => void;
}

export const AUTOSAVE_DELAY_MS = 300;
export const RETRY_DELAYS_MS = [1_000, 2_000, 5_000, 10_000] as const;
/** Refusals that retrying cannot fix. */
const FINAL_CODES = new Set(['not_found', 'conflict', 'invalid_argument', 'forbidden']);

const browserTimers: AutosaveTimers = {
  set: (run, delayMs) => setTimeout(run, delayMs),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export function createAutosaver(options: AutosaveOptions): Autosaver {
  const delayMs = options.delayMs ?? AUTOSAVE_DELAY_MS;
  const retryDelaysMs = options.retryDelaysMs ?? RETRY_DELAYS_MS;
  const timers = options.timers ?? browserTimers;
  let latest: DraftSnapshot | null = null;
  let isDirty = false;
  let inFlight: Promise<void> | null = null;
  let timer: unknown = null;
  let failures = 0;
  let status: SaveStatus = 'saved';
  let isDisposed = false;
  let waiters: Array<(isSaved: boolean) => void> = [];

  function setStatus(next: SaveStatus, error: ApiError | null = null): void {
    // Every keystroke schedules a save: tell listeners only about real changes.
    if (next === status && error === null) return;
    status = next;
    options.onStatus(next, error);
  }

  function settleWaiters(isSaved: boolean): void {
    const settled = waiters;
    waiters = [];
    for (const resolve of settled) resolve(isSaved);
  }

  function arm(afterMs: number): void {
    if (timer !== null) timers.clear(timer);
    timer = timers.set(() => {
      timer = null;
      void run();
    }, afterMs);
  }

  async function run(): Promise<void> {
    if (isDisposed || inFlight !== null || !isDirty || latest === null) return;
    const snapshot = latest;
    isDirty = false;
    setStatus('saving');
    inFlight = options.save(snapshot).then(
      (result) => settle(snapshot, result),
      (error: unknown) =>
        settle(snapshot, {
          ok: false,
          error: {
            code: 'unavailable',
            message: error instanceof Error ? error.message : 'The save did not complete.',
          },
        }),
    );
    await inFlight;
  }

  function settle(snapshot: DraftSnapshot, result: Result<SavedRevision>): void {
    inFlight = null;
    if (isDisposed) return;
    if (result.ok) {
      failures = 0;
      options.onSaved?.(snapshot, result.value);
      if (isDirty) {
        // Typed while the save was in flight: save that too, straight away if someone is waiting.
        setStatus('pending');
        if (waiters.length > 0) void run();
        else arm(delayMs);
      } else {
        setStatus('saved');
        settleWaiters(true);
      }
      return;
    }
    isDirty = true;
    if (FINAL_CODES.has(result.error.code)) {
      setStatus('failed', result.error);
      settleWaiters(false);
      return;
    }
    const retryInMs = retryDelaysMs[Math.min(failures, retryDelaysMs.length - 1)] ?? delayMs;
    failures += 1;
    setStatus('retrying', result.error);
    settleWaiters(false);
    arm(retryInMs);
  }

  return {
    schedule(snapshot) {
      if (isDisposed) return;
      latest = snapshot;
      isDirty = true;
      if (status === 'failed') return;
      if (status !== 'retrying') setStatus(inFlight ? 'saving' : 'pending');
      if (status !== 'retrying' || timer === null) arm(delayMs);
    },
    flush() {
      if (isDisposed || (!isDirty && inFlight === null)) return Promise.resolve(!isDirty);
      if (status === 'failed') return Promise.resolve(false);
      const done = new Promise<boolean>((resolve) => waiters.push(resolve));
      if (timer !== null) {
        timers.clear(timer);
        timer = null;
      }
      void run();
      return done;
    },
    hasUnsaved: () => isDirty || inFlight !== null,
    unsavedSnapshot: () => (isDirty || inFlight !== null ? latest : null),
    dispose() {
      isDisposed = true;
      if (timer !== null) timers.clear(timer);
      timer = null;
      settleWaiters(false);
    },
  };
}
