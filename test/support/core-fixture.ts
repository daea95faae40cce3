// Builds a real core over temporary conf stores, for unit tests of core
// services and transports.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestClock } from '../../electron/core/clock/test-clock.ts';
import { createCore, type CoreDeps } from '../../electron/core/create-core.ts';
import { createMemoryLogger } from '../../electron/core/logging/logger.ts';
import { createKeyFileSecretBox } from '../../electron/core/secrets/key-file-secret-box.ts';
import { createConfBackend } from '../../electron/harness/start-harness.ts';

export function makeDataDir(prefix = 'herald-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function makeCore(overrides: Partial<CoreDeps> & { withTestClock?: boolean } = {}) {
  const { withTestClock = false, ...rest } = overrides;
  const logger = createMemoryLogger();
  const clock = createTestClock(Date.parse('2026-04-20T09:00:00Z'));
  const dataDir = rest.dataDir ?? makeDataDir();
  const core = createCore({
    host: 'browser-harness',
    version: '0.0.0-test',
    dataDir,
    createBackend: createConfBackend,
    secretBox: createKeyFileSecretBox(dataDir),
    clock,
    logger,
    ...(withTestClock ? { testClock: clock } : {}),
    ...rest,
  });
  return { core, logger, clock, dataDir };
}
