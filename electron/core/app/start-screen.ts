// The start screen: the composer's HTML as the renderer last drew it for the
// open draft, kept so the next start can draw it before React has loaded
// (renderer/app/start-screen/). Measured: a React renderer that asks main for
// its draft cannot be interactive sooner than about 1.3× a bare React page,
// and the composer's own render and layout put Herald at about 2.1×
// (docs/performance.md, "Session 8"); the page that draws this copy first
// takes keys at about 1.2×.
//
// It is a cache, and must never show what is no longer true: a copy is offered
// only for the draft it was drawn from, at the revision it showed, and only if
// everything else the composer's first render draws from (settings, the plan,
// the Slack and outbox connections, the app's notices) is as it was then. Main
// computes that fingerprint itself, on both sides, so the renderer cannot claim
// a copy is current. The HTML is the renderer's: untrusted, bounded by the
// channel's schema, and sanitised by the page before it is drawn.
//
// One file, replaced whole (temporary file, then rename); not synced: a copy
// lost to a power cut only costs the next start its head start.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Bootstrap } from '../../../shared/api/channels/app.ts';

/** What the composer's first render draws from, as the bootstrap carries it. */
export type StartScreenContext = Pick<
  Bootstrap,
  'info' | 'settings' | 'reminderSettings' | 'plan' | 'currentDraft' | 'connection' | 'slack'
>;

export interface StartScreenInput {
  draftId: string;
  revision: number;
  html: string;
}

export interface StartScreens {
  /** Keeps `input` when it shows the current draft at its current revision; false (and nothing kept) otherwise. */
  keep(input: StartScreenInput, context: StartScreenContext): boolean;
  /** The kept HTML, if it shows the current draft at its revision and nothing else it drew from has changed. */
  offer(context: StartScreenContext): { html: string } | null;
}

interface Kept {
  version: 1;
  draftId: string;
  revision: number;
  fingerprint: string;
  html: string;
}

const FILE = 'start-screen.json';

/**
 * The outbox connection as the composer draws it. Reachable and not yet checked draw the same (nothing), and every
 * start begins unchecked, so they count as one; the times change at every retry while offline, so only the state
 * and its words count.
 */
function drawnConnection(connection: StartScreenContext['connection']): unknown {
  if (connection.state === 'online' || connection.state === 'unknown') return 'no note';
  return [connection.state, connection.message, connection.fix ?? null];
}

/** A digest of what the first render draws from besides the draft itself. */
export function contextFingerprint(context: StartScreenContext): string {
  const { info, settings, reminderSettings, plan, connection, slack } = context;
  return createHash('sha256')
    .update(
      JSON.stringify({
        app: [info.version, info.host, info.hasTestClock, info.storageNotices],
        settings,
        reminderSettings,
        plan,
        connection: drawnConnection(connection),
        slack,
      }),
    )
    .digest('hex');
}

function isKept(value: unknown): value is Kept {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    record.version === 1 &&
    typeof record.draftId === 'string' &&
    typeof record.revision === 'number' &&
    typeof record.fingerprint === 'string' &&
    typeof record.html === 'string'
  );
}

function readKept(path: string): Kept | null {
  if (!existsSync(path)) return null;
  try {
    const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (isKept(value)) return value;
  } catch {
    // Unreadable: a cache, so it is dropped below and drawn afresh by the next composer.
  }
  rmSync(path, { force: true });
  return null;
}

function shows(kept: { draftId: string; revision: number }, context: StartScreenContext): boolean {
  const current = context.currentDraft;
  return current !== null && current.draft.id === kept.draftId && current.meta.revision === kept.revision;
}

export function createStartScreens(dataDir: string): StartScreens {
  const path = join(dataDir, FILE);
  let kept: Kept | null | undefined;
  const read = (): Kept | null => (kept === undefined ? (kept = readKept(path)) : kept);

  return {
    keep(input, context) {
      if (!shows(input, context)) return false;
      const next: Kept = { version: 1, ...input, fingerprint: contextFingerprint(context) };
      const previous = read();
      if (
        previous &&
        previous.draftId === next.draftId &&
        previous.revision === next.revision &&
        previous.fingerprint === next.fingerprint &&
        previous.html === next.html
      )
        return true;
      const temporary = `${path}.tmp-${process.pid}`;
      writeFileSync(temporary, JSON.stringify(next));
      renameSync(temporary, path);
      kept = next;
      return true;
    },
    offer(context) {
      const current = read();
      if (!current || !shows(current, context) || current.fingerprint !== contextFingerprint(context))
        return null;
      return { html: current.html };
    },
  };
}
