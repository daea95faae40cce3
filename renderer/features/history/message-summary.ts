// Short descriptions of a sent or queued message for lists: its title (the
// bold first line Herald puts on every message), and its checklist at send
// time in words. Pure, shared by History and the Outbox.
import type { ChecklistSnapshotEntry } from '../../../shared/outbox/outbox-item.ts';

const MAX_TITLE_CHARS = 140;

function unescapeMrkdwn(text: string): string {
  return text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
}

/** The message's title: its first line without the bold marks, shortened for a list. */
export function messageTitle(text: string): string {
  const firstLine =
    text
      .split('\n')
      .find((line) => line.trim() !== '')
      ?.trim() ?? '';
  const bold = /^\*(.+)\*$/.exec(firstLine);
  const title = unescapeMrkdwn(bold?.[1] ?? firstLine);
  if (title === '') return '(no text)';
  return title.length > MAX_TITLE_CHARS ? `${title.slice(0, MAX_TITLE_CHARS - 1)}…` : title;
}

export interface ChecklistCounts {
  done: number;
  /** Required items that were missing when it was sent (the message went with an override). */
  missing: number;
  notApplicable: number;
  /** Optional items left blank: a choice the plan allows, never "missing". */
  leftBlank: number;
}

const isLeftBlank = (entry: ChecklistSnapshotEntry) => entry.state === 'missing' && !entry.required;

export function checklistCounts(entries: readonly ChecklistSnapshotEntry[]): ChecklistCounts {
  return {
    done: entries.filter((entry) => entry.state === 'done').length,
    missing: entries.filter((entry) => entry.state === 'missing' && entry.required).length,
    notApplicable: entries.filter((entry) => entry.state === 'not_applicable').length,
    leftBlank: entries.filter(isLeftBlank).length,
  };
}

/** "5 done, 1 required missing, 1 not applicable, 1 optional left blank". */
export function checklistSummary(entries: readonly ChecklistSnapshotEntry[]): string {
  if (entries.length === 0) return 'No checklist';
  const counts = checklistCounts(entries);
  return [
    `${counts.done} done`,
    ...(counts.missing === 0 ? [] : [`${counts.missing} required missing`]),
    ...(counts.notApplicable === 0 ? [] : [`${counts.notApplicable} not applicable`]),
    ...(counts.leftBlank === 0 ? [] : [`${counts.leftBlank} optional left blank`]),
  ].join(', ');
}

const STATE_WORDS: Readonly<Record<ChecklistSnapshotEntry['state'], { symbol: string; words: string }>> = {
  done: { symbol: '✓', words: 'Done' },
  missing: { symbol: '✗', words: 'Missing' },
  not_applicable: { symbol: '–', words: 'Not applicable' },
};

/** How one item stood at send time; an optional item left blank is not "missing". */
export function checklistStateWords(entry: ChecklistSnapshotEntry): {
  symbol: string;
  words: string;
  className: string;
} {
  if (isLeftBlank(entry))
    return { symbol: '–', words: 'Left blank (optional)', className: 'snapshot-left-blank' };
  return { ...STATE_WORDS[entry.state], className: `snapshot-${entry.state}` };
}

/** Whether a link can be offered as a normal web link (Slack permalinks are https; test servers may use http). */
export function isWebLink(url: string | null): url is string {
  if (url === null) return false;
  try {
    const parsed = new URL(url);
    return (
      (parsed.protocol === 'https:' || parsed.protocol === 'http:') &&
      parsed.username === '' &&
      parsed.password === ''
    );
  } catch {
    return false;
  }
}
