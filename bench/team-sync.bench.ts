// The team sync's cost against the size of Slack's history: a channel holding
// a year of messages (1k, 10k, 100k in the fake Slack, a tenth of them
// Herald's with incident metadata), read by a fresh Herald (the bounded
// look-back), then polled with nothing new and with a few new messages.
// Printed next to Slack's documented limits for conversations.history /
// .replies: Tier 3 (50+ a minute) for an internal app, and 1 a minute with 15
// messages a page for a non-Marketplace app since 2025.
import { startFakeSlack } from '../test/fakes/slack-server.ts';
import { makeCore } from '../test/support/core-fixture.ts';
import { heraldMetadata } from '../shared/team-sync/message-facts.ts';
import { POLL_MS } from '../electron/core/team-sync/team-sync-service.ts';
import { printTable } from './support/stats.ts';

const YEAR_MS = 365 * 86_400_000;
const CHANNEL = 'operations-engineering-update';
const rows: Array<Record<string, string | number>> = [
  { case: 'baseline: Slack Tier 3 (internal app)', messages: '-', calls: '-', callsPerMinute: 50, ms: '-' },
  { case: 'baseline: Slack non-Marketplace (2025)', messages: '-', calls: '-', callsPerMinute: 1, ms: '-' },
];

for (const size of [1_000, 10_000, 100_000]) {
  let nowMs = Date.parse('2026-04-20T09:00:00Z');
  const fake = await startFakeSlack({ nowMs: () => nowMs, rateLimits: 'tiers' });
  // A year of history, oldest first, spread evenly.
  const startMs = nowMs - YEAR_MS;
  for (let i = 0; i < size; i++) {
    fake.setNowMs(startMs + Math.floor((i * YEAR_MS) / size));
    const isHerald = i % 10 === 0;
    fake.addMessage(CHANNEL, {
      text: `message ${i}`,
      ...(isHerald
        ? {
            metadata: heraldMetadata(`h-${i}`, {
              kind: 'incident',
              actor: 'U0COMMSLD2',
              incident: {
                id: `inc-${i}`,
                stage: 'resolved',
                priority: '',
                title: `Incident ${i}`,
                service: 'Sentry',
                next_update_at: '',
                owner: 'U0COMMSLD2',
                previous_owner: '',
              },
            }),
          }
        : {}),
    });
  }
  fake.setNowMs(null);
  const { core, clock } = makeCore({
    slackApiUrlOverride: fake.url,
    secretBox: {
      protection: () => Promise.resolve({ level: 'os', backend: 'bench', explanation: 'bench' }),
      encrypt: (plain) => Promise.resolve(Buffer.from(plain).toString('base64')),
      decrypt: (cipher) => Promise.resolve(Buffer.from(cipher, 'base64').toString()),
    },
  });
  clock.set(nowMs);
  const follow = () => (nowMs = clock.now());
  await core.router.call('slack:connect', { token: fake.botToken });
  const historyCalls = () =>
    fake.requests.filter((r) => r.method === 'conversations.history' || r.method === 'conversations.replies')
      .length;

  const measure = async (label: string) => {
    const before = historyCalls();
    const started = performance.now();
    let status = await core.teamSync.syncOnce();
    while (status.state === 'waiting_for_slack' && status.retryAfterUtc) {
      clock.set(Date.parse(status.retryAfterUtc));
      follow();
      status = await core.teamSync.syncOnce();
    }
    const ms = performance.now() - started;
    const calls = historyCalls() - before;
    rows.push({
      case: `${label}`,
      messages: size,
      calls,
      // One cycle every POLL_MS: what a Herald spends a minute at this cost.
      callsPerMinute: Math.round((calls * 60_000) / POLL_MS),
      ms: Math.round(ms),
    });
  };
  await measure('first sync (7-day look-back)');
  clock.advance(POLL_MS);
  follow();
  await measure('poll, nothing new');
  for (let i = 0; i < 5; i++) fake.addMessage(CHANNEL, { text: `new ${i}` });
  clock.advance(POLL_MS);
  follow();
  await measure('poll, 5 new messages');
  core.stop();
  await fake.close();
}

printTable(
  'Team sync: Slack history calls and time per sync, by channel history size (tiers enforced)',
  rows,
);
