// The diagnostics bundle the lead sends to support from Settings → "Copy
// diagnostics": version and platform, the last day of the structured log,
// each store's schema version and any quarantined files, outbox and reminder
// counts, the connection state, the update state and the local crash dumps.
// It never carries the token or what a message says: counts and states
// instead of content, log lines stripped of free text (log-excerpt.ts), and
// a last pass that replaces any secret the caller names.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { DiagnosticsBundle } from '../../../shared/api/channels/desktop.ts';
import { redactText } from '../logging/logger.ts';
import { LOG_FILE_NAME, PREVIOUS_LOG_FILE_NAME } from '../logging/log-file.ts';
import { logExcerpt } from './log-excerpt.ts';

export const LOG_WINDOW_MS = 24 * 60 * 60_000;
const QUARANTINE_PATTERN = /\.corrupt-[^/\\]*\.json$/;

export interface DiagnosticsFacts {
  version: string;
  host: 'electron' | 'browser-harness';
  platform: string;
  arch: string;
  /** Electron, Chrome and Node versions where known. */
  runtimeVersions: Record<string, string>;
  dataDir: string;
  logDir: string | null;
  /** Null in the browser harness, which has no crash reporter. */
  crashDumpsDir: string | null;
  nowMs: number;
  outboxCounts: Record<string, number>;
  reminderCounts: Record<string, number>;
  connection: { state: string; isSlackConnected: boolean; tokenProtection: string };
  update: { state: string; version: string | null };
  openAtLogin: { isSupported: boolean; isEnabled: boolean };
  /** Values that must never appear (the Slack token); replaced wherever they occur. */
  secrets: readonly string[];
}

interface StoreFile {
  name: string;
  schemaVersion: number | string;
}

function listFiles(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

/** Every store in the data folder with the schema version it was written at (read from the envelope only). */
export function storeVersions(dataDir: string): StoreFile[] {
  const stores: StoreFile[] = [];
  for (const name of listFiles(dataDir)) {
    if (!name.endsWith('.json') || QUARANTINE_PATTERN.test(name)) continue;
    let schemaVersion: number | string = 'unreadable';
    try {
      const envelope = JSON.parse(readFileSync(join(dataDir, name), 'utf8')) as { schemaVersion?: unknown };
      schemaVersion = typeof envelope.schemaVersion === 'number' ? envelope.schemaVersion : 'none';
    } catch {
      // reported as unreadable
    }
    stores.push({ name, schemaVersion });
  }
  return stores;
}

function fileLine(dir: string, name: string): string {
  try {
    const stat = statSync(join(dir, name));
    return `${name} (${stat.size} bytes, ${stat.mtime.toISOString()})`;
  } catch {
    return name;
  }
}

function countLines(counts: Record<string, number>): string[] {
  const entries = Object.entries(counts);
  return entries.length === 0 ? ['  none'] : entries.map(([key, count]) => `  ${key}: ${count}`);
}

export function buildDiagnostics(facts: DiagnosticsFacts): DiagnosticsBundle {
  const stamp = new Date(facts.nowMs).toISOString();
  const quarantined = listFiles(facts.dataDir).filter((name) => QUARANTINE_PATTERN.test(name));
  const logPaths = facts.logDir
    ? [join(facts.logDir, PREVIOUS_LOG_FILE_NAME), join(facts.logDir, LOG_FILE_NAME)]
    : [];
  const logLines = logExcerpt(logPaths, facts.nowMs - LOG_WINDOW_MS);
  const dumps = facts.crashDumpsDir ? collectDumps(facts.crashDumpsDir) : null;

  const sections = [
    'Herald diagnostics',
    `Created: ${stamp}`,
    'The Slack token and the text of messages are not included.',
    '',
    '## Version',
    `Herald ${facts.version} (${facts.host})`,
    `Platform: ${facts.platform} ${facts.arch}`,
    ...Object.entries(facts.runtimeVersions).map(([name, version]) => `${name}: ${version}`),
    '',
    '## Connection',
    `Slack connected: ${facts.connection.isSlackConnected ? 'yes' : 'no'}`,
    `Outbox connection: ${facts.connection.state}`,
    `Token protection: ${facts.connection.tokenProtection}`,
    '',
    '## Updates and start-up',
    `Update state: ${facts.update.state}${facts.update.version ? ` (${facts.update.version})` : ''}`,
    `Open at login: ${facts.openAtLogin.isSupported ? (facts.openAtLogin.isEnabled ? 'on' : 'off') : 'not available here'}`,
    '',
    '## Outbox (items by state)',
    ...countLines(facts.outboxCounts),
    '',
    '## Reminders (open, by state)',
    ...countLines(facts.reminderCounts),
    '',
    '## Stores (schema versions)',
    ...storeVersions(facts.dataDir).map((store) => `  ${store.name}: ${store.schemaVersion}`),
    '',
    '## Quarantined files',
    ...(quarantined.length === 0
      ? ['  none']
      : quarantined.map((name) => `  ${fileLine(facts.dataDir, name)}`)),
    '',
    '## Crash dumps',
    ...(dumps === null
      ? ['  The browser harness has no crash reporter, so there are no crash dumps to include.']
      : dumps.length === 0
        ? ['  none']
        : [
            `  ${dumps.length} dump(s) in ${facts.crashDumpsDir}. Dumps hold memory that can include message text, ` +
              'so they are listed, not attached; send them only if support asks.',
            ...dumps.map((dump) => `  ${dump}`),
          ]),
    '',
    `## Log (last 24 hours, ${logLines.length} lines, free text removed)`,
    ...(facts.logDir ? logLines : ['  This run does not write a log file.']),
    '',
  ];
  let text = redactText(sections.join('\n'));
  for (const secret of facts.secrets) {
    if (secret.length >= 8) text = text.split(secret).join('[redacted]');
  }
  return { fileName: `herald-diagnostics-${stamp.replace(/[:]/g, '').replace(/\.\d+Z$/, 'Z')}.txt`, text };
}

/** Crash dump files (Crashpad keeps them under completed/, pending/ and new/). */
function collectDumps(dir: string): string[] {
  const found: string[] = [];
  for (const sub of ['', 'completed', 'pending', 'new', 'reports']) {
    const folder = sub ? join(dir, sub) : dir;
    for (const name of listFiles(folder)) {
      if (name.endsWith('.dmp'))
        found.push(fileLine(folder, name).replace(name, sub ? `${sub}/${name}` : name));
    }
  }
  return found;
}
