// A write to the data folder that the disk refused (full, read-only, no
// permission) is not "something went wrong": the lead needs to know what
// failed, what was saved and what was not, and that what they typed is still
// on screen. Stores write through before they change what they hold in
// memory, so a refused write leaves that store as it was.
import { basename, dirname } from 'node:path';
import { fail, type Channel, type Result } from '../../../shared/api/index.ts';

const REASONS: Readonly<Record<string, { reason: string; fix: string }>> = {
  ENOSPC: { reason: 'the disk is full', fix: 'Free some space on the disk, then try again.' },
  EDQUOT: { reason: 'your disk quota is used up', fix: 'Free some space in your account, then try again.' },
  EROFS: {
    reason: 'the disk is read-only',
    fix: 'Check the disk holding Herald’s data folder can be written to, then try again.',
  },
  EACCES: {
    reason: 'Herald is not allowed to write there',
    fix: 'Check you own Herald’s data folder and can write to it, then try again.',
  },
  EPERM: {
    reason: 'Herald is not allowed to write there',
    fix: 'Check you own Herald’s data folder and can write to it, then try again.',
  },
  EIO: { reason: 'the disk reported an error', fix: 'Check the disk, then try again.' },
  EMFILE: {
    reason: 'too many files are open',
    fix: 'Close some programs, or restart Herald, then try again.',
  },
  ENFILE: {
    reason: 'too many files are open',
    fix: 'Close some programs, or restart Herald, then try again.',
  },
};

/** What each store holds, in the lead's words. */
const STORE_WORDS: Readonly<Record<string, string>> = {
  outbox: 'the outbox',
  incidents: 'the incident record',
  drafts: 'your drafts',
  'draft-workspace': 'your drafts',
  history: 'the history',
  settings: 'your settings',
  plan: 'the plan',
  templates: 'your templates',
  reminders: 'your reminders',
  'reminder-settings': 'your reminder settings',
  calendar: 'the calendar',
  'calendar-settings': 'the calendar settings',
  'slack-connection': 'the Slack connection',
  'channel-directory': 'the list of channels',
};

export interface DiskFailure {
  errno: string;
  reason: string;
  fix: string;
  /** The store whose file could not be written (its base name), when the error says. */
  store: string | null;
}

/** The disk failure under `error` (or its causes), or null when it is something else. */
export function diskFailureOf(error: unknown): DiskFailure | null {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current !== null && typeof current === 'object'; depth++) {
    const candidate = current as { code?: unknown; path?: unknown; cause?: unknown };
    const known = typeof candidate.code === 'string' ? REASONS[candidate.code] : undefined;
    if (known)
      return {
        errno: candidate.code as string,
        ...known,
        store: typeof candidate.path === 'string' ? storeOf(candidate.path) : null,
      };
    current = candidate.cause;
  }
  return null;
}

/** Stores kept as a folder of files (one per record, or one per month): any file in it names the store. */
const FOLDER_STORES: ReadonlySet<string> = new Set(['drafts', 'outbox', 'history']);

/** "outbox" from …/outbox.json, …/outbox.json.tmp-123 or any file under outbox/; likewise drafts/ and history/. */
function storeOf(path: string): string | null {
  const folder = basename(dirname(path));
  if (FOLDER_STORES.has(folder)) return folder;
  const match = /^([a-z-]+)\.json/.exec(basename(path));
  return match?.[1] ?? null;
}

/** What a failed call left saved, for the calls where someone is waiting on an answer that matters. */
function consequence(channel: Channel, store: string | null): string {
  switch (channel) {
    case 'outbox:enqueue':
    case 'outbox:confirm':
    case 'outbox:retry':
    case 'outbox:update':
      return 'Nothing changed in the outbox: the message was not queued or changed, and nothing new will be sent.';
    case 'messages:send':
      // The send writes the outbox first; anything after it means the message is already queued.
      return store === null || store === 'outbox'
        ? 'The message was not queued and will not be sent. Your draft is kept.'
        : `The message was queued and is in the Outbox, but ${STORE_WORDS[store] ?? 'a record of it'} could not be updated.`;
    case 'drafts:save':
      return 'Your latest changes are not saved yet; they are still on screen.';
    default:
      return 'This change was not saved; what you typed is still on screen.';
  }
}

export function diskFailureResult(channel: Channel, failure: DiskFailure): Result<never> {
  const what =
    failure.store === null ? 'its data folder' : (STORE_WORDS[failure.store] ?? `its ${failure.store} file`);
  return fail(
    'storage_error',
    `Herald could not save ${what}: ${failure.reason} (${failure.errno}). ${consequence(channel, failure.store)}`,
    {
      fix: failure.fix,
    },
  );
}
