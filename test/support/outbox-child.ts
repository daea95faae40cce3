// A Herald core in a process of its own, for crash tests: the test kills it
// with SIGKILL mid-send and starts it again on the same data folder.
//   node --import tsx test/support/outbox-child.ts --data-dir D --slack-api-url U
//        [--token T] [--enqueue N --channels a,b,c] [--correct-each] [--file-each]
// Prints `ENQUEUED <n> <id> <channel>` once each message is stored, `SENT <id> <ts>`
// as each is sent, and `IDLE` (then exits) once nothing is left to send. With
// --correct-each, every message is corrected (an edit item) as soon as it is
// sent, printing `EDIT <postId> <editId> <ts>`. With --file-each, every message gets a
// file in its thread (a `file` item), printing `FILE <postId> <fileId> <title>`.
import { parseArgs } from 'node:util';
import { createSystemClock } from '../../electron/core/clock/clock.ts';
import { createCore } from '../../electron/core/create-core.ts';
import { createLogger } from '../../electron/core/logging/logger.ts';
import { createKeyFileSecretBox } from '../../electron/core/secrets/key-file-secret-box.ts';
import { createConfBackend } from '../../electron/harness/start-harness.ts';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    'slack-api-url': { type: 'string' },
    token: { type: 'string' },
    enqueue: { type: 'string', default: '0' },
    channels: { type: 'string', default: 'operations-engineering-update' },
    'correct-each': { type: 'boolean', default: false },
    'file-each': { type: 'boolean', default: false },
  },
});
const dataDir = values['data-dir'];
const apiUrl = values['slack-api-url'];
if (!dataDir || !apiUrl) throw new Error('--data-dir and --slack-api-url are required');

const core = createCore({
  host: 'browser-harness',
  version: '0.0.0-crash-test',
  dataDir,
  createBackend: createConfBackend,
  secretBox: createKeyFileSecretBox(dataDir),
  clock: createSystemClock(),
  logger: createLogger((line) => process.stderr.write(`${line}\n`), 'warn'),
  slackApiUrlOverride: apiUrl,
});

if (values.token) {
  const connected = await core.slack.connect({ token: values.token, acceptWeakProtection: true });
  if (!connected.ok) throw new Error(`could not connect: ${connected.error.message}`);
}

const channels = values.channels.split(',');
for (let n = 0; n < Number(values.enqueue); n++) {
  const channel = channels[n % channels.length]!;
  const queued = core.outbox.enqueue({ channel, text: `crash test message ${n}` });
  if (!queued.ok) throw new Error(queued.error.message);
  process.stdout.write(`ENQUEUED ${n} ${queued.value.id} ${channel}\n`);
}

const isDone = () => core.outbox.list(['queued', 'sending']).items.length === 0;
core.outbox.onChanged((item) => {
  if (item.state === 'sent') process.stdout.write(`SENT ${item.id} ${item.ts ?? ''}\n`);
  if (
    values['correct-each'] &&
    item.state === 'sent' &&
    item.kind === 'message' &&
    item.ts &&
    item.channelId
  ) {
    const edit = core.outbox.enqueueEdit({
      target: { itemId: item.id, channelId: item.channelId, ts: item.ts },
      purpose: 'correction',
      text: `${item.text} (corrected)`,
    });
    if (!edit.ok) throw new Error(edit.error.message);
    process.stdout.write(`EDIT ${item.id} ${edit.value.id} ${item.ts}\n`);
  }
  if (values['file-each'] && item.state === 'sent' && item.kind === 'message') {
    const title = `Add to calendar: crash test ${item.id}`;
    const file = core.outbox.enqueueFile({
      withItemId: item.id,
      file: {
        name: 'crash-test.ics',
        title,
        content: `BEGIN:VCALENDAR\r\nUID:${item.id}\r\nEND:VCALENDAR\r\n`,
        calendar: null,
      },
      comment: 'A calendar file for the crash test.',
    });
    if (!file.ok) throw new Error(file.error.message);
    process.stdout.write(`FILE ${item.id} ${file.value.id} ${title}\n`);
  }
  if (isDone()) {
    process.stdout.write('IDLE\n');
    core.stop();
    process.exit(0);
  }
});
core.start();
