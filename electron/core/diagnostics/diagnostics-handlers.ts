// The diagnostics:build channel: gathers the facts from core's services and
// builds the redacted bundle (diagnostics-bundle.ts).
import { arch, platform } from 'node:process';
import { ok } from '../../../shared/api/index.ts';
import type { Handler } from '../api/router.ts';
import type { Clock } from '../clock/clock.ts';
import type { LoginItemService } from '../login-item/login-item.ts';
import type { OutboxService } from '../outbox/outbox-service.ts';
import type { ReminderService } from '../reminders/reminder-service.ts';
import type { SlackConnection } from '../slack/slack-connection.ts';
import type { UpdateController } from '../updates/update-controller.ts';
import { buildDiagnostics } from './diagnostics-bundle.ts';

export interface DiagnosticsDeps {
  version: string;
  host: 'electron' | 'browser-harness';
  dataDir: string;
  logDir: string | null;
  crashDumpsDir: string | null;
  clock: Clock;
  outbox: Pick<OutboxService, 'list' | 'connection'>;
  reminders: Pick<ReminderService, 'list'>;
  slack: Pick<SlackConnection, 'status' | 'credential'>;
  updates: Pick<UpdateController, 'status'>;
  loginItem: Pick<LoginItemService, 'status'>;
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

export interface Diagnostics {
  handlers: { 'diagnostics:build': Handler<'diagnostics:build'> };
}

/** Reads the other services when asked; no state of its own, so it is only its handler. */
export function createDiagnostics(deps: DiagnosticsDeps): Diagnostics {
  const handlers: Diagnostics['handlers'] = {
    'diagnostics:build': async () => {
      const slack = await deps.slack.status();
      const token = (await deps.slack.credential().catch(() => null))?.token ?? null;
      const update = deps.updates.status();
      const loginItem = deps.loginItem.status();
      const runtimeVersions: Record<string, string> = { node: process.versions.node };
      for (const name of ['electron', 'chrome'] as const) {
        const version = process.versions[name];
        if (version) runtimeVersions[name] = version;
      }
      return ok(
        buildDiagnostics({
          version: deps.version,
          host: deps.host,
          platform,
          arch,
          runtimeVersions,
          dataDir: deps.dataDir,
          logDir: deps.logDir,
          crashDumpsDir: deps.crashDumpsDir,
          nowMs: deps.clock.now(),
          outboxCounts: countBy(deps.outbox.list().items, (item) => item.state),
          reminderCounts: countBy(deps.reminders.list().reminders, (reminder) => reminder.state),
          connection: {
            state: deps.outbox.connection().state,
            isSlackConnected: slack.connected,
            tokenProtection: slack.protection.level,
          },
          update: { state: update.state, version: update.version },
          openAtLogin: { isSupported: loginItem.isSupported, isEnabled: loginItem.isEnabled },
          secrets: token ? [token] : [],
        }),
      );
    },
  };
  return { handlers };
}
