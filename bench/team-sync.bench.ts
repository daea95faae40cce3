// The team sync's cost against the size of Slack's history: a channel holding
// a year of messages (1k, 10k, 100k in the fake Slack, a tenth of them
// Herald's with incident metadata), read by a fresh Herald (the bounded
// look-back), then polled with nothing new and with a few new messages.
// Printed next to Slack's documented limits for conversations.history /
// .replies: Tier 3 (50+ a minute) for an internal app, and 1 a minute with 15
// messages a page for a non-Marketplace app since 2025. Each size is measured
// in both modes of the fake (`tiers`, `non_marketplace`); a sync Slack slows
// down waits out Retry-After on the test clock, so "Slack time" is the time a
// real Herald would take to catch up, and calls a minute what it spends.
// The last week also holds 20 of another lead's maintenance announcements,
// which each poll reads again a few at a time (MAX_RECHECKS_PER_ROUND) when
// Slack leaves it calls to spare.
import { startFakeSlack } from '../test/fakes/slack-server.ts';
import type { RateLimitMode } from '../test/fakes/slack/types.ts';
import { makeCore } from '../test/support/core-fixture.ts';
import { heraldMetadata } from '../shared/team-sync/message-facts.ts';
import { POLL_MS } from '../electron/core/team-sync/team-sync-service.ts';
import { printTable } from './support/stats.ts';

const YEAR_MS = 365 * 86_400_000;
/** Another lead's upcoming maintenance announced in the last week (what a Herald reads again for corrections). */
const WATCHED_MAINTENANCE = 20;
const CHANNEL = 'operations-engineering-update';
const MODES: ReadonlyArray<{ mode: RateLimitMode; label: string }> = [
  { mode: 'tiers', label: 'Tier 3' },
  { mode: 'non_marketplace', label: 'non-Marketplace' },
];
const baseline = { messages: '-', calls: '-', slackTime: '-', ms: '-' };
const rows: Array<Record<string, string | number>> = [
  { case: 'baseline: Slack Tier 3 (internal app)', ...baseline, callsPerMinute: 50 },
  { case: 'baseline: Slack non-Marketplace (2025), 15 a page', ...baseline, callsPerMinute: 1 },
];

function minutesAndSeconds(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}

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
  // The last week also holds another lead's announcements of upcoming maintenance: the sync reads each channel's
  // latest of them again, a few a round, in case it was corrected in place (correction-rechecks.ts).
  for (let n = 0; n < WATCHED_MAINTENANCE; n++) {
    fake.setNowMs(nowMs - 6 * 86_400_000 + n * 3_600_000);
    const startsMs = nowMs + (n + 1) * 86_400_000;
    fake.addMessage(CHANNEL, {
      text: `Maintenance ${n} announced`,
      metadata: heraldMetadata(`m-${n}`, {
        kind: 'maintenance',
        actor: 'U0COMMSLD2',
        maintenance: {
          id: `maint-${n}`,
          title: `Maintenance ${n}`,
          starts_at: new Date(startsMs).toISOString(),
          ends_at: new Date(startsMs + 3_600_000).toISOString(),
          status: 'announced',
          stage: 'announcement',
          zone: 'Europe/London',
          owner: 'U0COMMSLD2',
        },
        comms: [],
      }),
    });
  }
  fake.setNowMs(null);
  for (const { mode, label: modeLabel } of MODES) {
    fake.setRateLimitMode(mode);
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
      fake.requests.filter(
        (r) => r.method === 'conversations.history' || r.method === 'conversations.replies',
      ).length;

    const measure = async (label: string) => {
      const before = historyCalls();
      const started = performance.now();
      const startedOnClock = clock.now();
      let status = await core.teamSync.syncOnce();
      while (status.state === 'waiting_for_slack' && status.retryAfterUtc) {
        clock.set(Date.parse(status.retryAfterUtc));
        follow();
        status = await core.teamSync.syncOnce();
      }
      const ms = performance.now() - started;
      const calls = historyCalls() - before;
      // How long Slack made the sync take: the Retry-After waits, on the test clock.
      const slackMs = clock.now() - startedOnClock;
      rows.push({
        case: `${label}, ${modeLabel}`,
        messages: size,
        calls,
        slackTime: minutesAndSeconds(slackMs),
        // One cycle every POLL_MS, or as often as Slack lets it: what a Herald spends a minute at this cost.
        callsPerMinute: Math.round((calls * 60_000) / Math.max(POLL_MS, slackMs)),
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
  }
  await fake.close();
}

printTable(
  'Team sync: Slack history calls and time per sync, by channel history size (Tier 3 and non-Marketplace limits)',
  rows,
);
