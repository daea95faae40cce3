// The fake Slack Web API every test talks to: `startFakeSlack()` in process,
// or as a command for tests in another process:
//   npx tsx test/fakes/slack-server.ts --port 0 [--channels 250] [--rate-limits off|tiers|non_marketplace]
// prints "Fake Slack listening on <url> (bot token …)" and runs until
// SIGINT/SIGTERM. The pieces live in ./slack/ (one concern per module).
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { startFakeSlack } from './slack/fake-slack.ts';
import { parseRateLimitMode } from './slack/rate-limits.ts';

export { startFakeSlack } from './slack/fake-slack.ts';
export type { FakeSlack, SeedMessage } from './slack/fake-slack.ts';
export {
  DEFAULT_BOT_SCOPES,
  DEFAULT_BOT_TOKEN,
  DEFAULT_TEAM,
  DEFAULT_USER_SCOPES,
  DEFAULT_USER_TOKEN,
  HUMAN_USER,
  SECOND_LEAD,
  SECOND_LEAD_USER_TOKEN,
} from './slack/seed.ts';
export type * from './slack/types.ts';

async function runCli(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '0' },
      channels: { type: 'string' },
      'rate-limits': { type: 'string', default: 'off' },
    },
  });
  const rateLimits = parseRateLimitMode(values['rate-limits']);
  const port = Number(values.port);
  const totalChannels = values.channels === undefined ? undefined : Number(values.channels);
  const fake = await startFakeSlack({
    port,
    rateLimits,
    ...(totalChannels === undefined ? {} : { totalChannels }),
  });
  console.log(`Fake Slack listening on ${fake.url} (bot token ${fake.botToken})`);
  const stop = () => {
    void fake.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

// Only when run as a command: importing this module starts nothing.
const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  runCli(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
