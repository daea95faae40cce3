// A child process for the crash test: opens a real core on the data folder
// given as argv[2], creates a draft, then autosaves it as fast as it can,
// printing "ack <revision> <body length>" after each save is acknowledged.
// The test kills it with SIGKILL at an arbitrary moment.
import { createSystemClock } from '../../electron/core/clock/clock.ts';
import { createCore } from '../../electron/core/create-core.ts';
import { createLogger } from '../../electron/core/logging/logger.ts';
import { createKeyFileSecretBox } from '../../electron/core/secrets/key-file-secret-box.ts';
import { createConfBackend } from '../../electron/harness/start-harness.ts';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: autosave-child <dataDir>');
const core = createCore({
  host: 'browser-harness',
  version: 'crash-test',
  dataDir,
  createBackend: createConfBackend,
  secretBox: createKeyFileSecretBox(dataDir),
  clock: createSystemClock(),
  logger: createLogger(() => {}),
});

const created = await core.router.call('drafts:create', { typeId: 'incidents' });
if (!created.ok) throw new Error(created.error.message);
await core.router.call('drafts:setCurrent', { id: created.value.draft.id });
let body = '';
for (let keystroke = 0; ; keystroke++) {
  body += String.fromCharCode(97 + (keystroke % 26));
  const saved = await core.router.call('drafts:save', {
    draft: { ...created.value.draft, body },
    focusedField: 'body',
  });
  if (!saved.ok) throw new Error(saved.error.message);
  process.stdout.write(`ack ${saved.value.revision} ${body.length}\n`);
}
