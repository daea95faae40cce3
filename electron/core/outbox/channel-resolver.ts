// Giving each queued item its channel id, in enqueue order, from the channel
// directory (its cache first, one refresh when a name is unknown). A name
// Slack does not know fails only that item; an unreachable Slack leaves the
// rest for when it is back.
import type { OutboxItem } from '../../../shared/outbox/outbox-item.ts';
import type { Clock } from '../clock/clock.ts';
import type { Logger } from '../logging/logger.ts';
import type { ChannelDirectory } from '../slack/channel-directory.ts';
import type { Connectivity } from './connectivity.ts';
import { decideAfterFailure } from './failure-policy.ts';
import type { Transitions } from './item-transitions.ts';
import type { OutboxRepository } from './outbox-store.ts';

export interface ChannelResolverDeps {
  repo: OutboxRepository;
  directory: Pick<ChannelDirectory, 'lookup'>;
  connectivity: Connectivity;
  transitions: Transitions;
  clock: Clock;
  logger: Logger;
}

/** After Slack answered a channel look-up with trouble other than "unreachable", wait this long. */
export const RESOLVE_AGAIN_MS = 30_000;

export interface ChannelResolver {
  /** Resolves what it can; answers whether any item changed. */
  run(): Promise<boolean>;
  isRunning(): boolean;
  hasWork(): boolean;
  /** When a blocked resolver may try again (epoch ms); Infinity while it waits for the connection. */
  retryAtMs(): number;
}

export const isUnresolved = (item: OutboxItem) => item.state === 'queued' && item.channelId === null;

export function createChannelResolver(deps: ChannelResolverDeps): ChannelResolver {
  let isRunning = false;
  /** Not before this time (epoch ms); Infinity until the connection changes. */
  let blockedUntilMs = 0;
  deps.connectivity.onChange(() => {
    blockedUntilMs = 0;
  });
  const isBlocked = () => blockedUntilMs > deps.clock.now();

  return {
    isRunning: () => isRunning,
    hasWork: () => !isBlocked() && deps.repo.queuedIn(null).length > 0,
    retryAtMs: () => (deps.repo.queuedIn(null).length > 0 ? blockedUntilMs : Infinity),
    async run() {
      if (isRunning || isBlocked()) return false;
      isRunning = true;
      let didChange = false;
      try {
        for (let next = deps.repo.queuedIn(null)[0]; next; next = deps.repo.queuedIn(null)[0]) {
          const ref = next.channel;
          const found = await deps.directory.lookup(ref);
          const item = deps.repo.get(next.id);
          // Edited or cancelled meanwhile: look again from the top.
          if (!item || !isUnresolved(item) || item.channel !== ref) continue;
          if (found.status === 'found') {
            deps.repo.patch(item.id, { channelId: found.channel.id, channelName: found.channel.name });
          } else if (found.status === 'not_found') {
            deps.transitions.fail(item, {
              code: 'channel_not_found',
              message: found.message,
              fix: found.fix,
            });
          } else {
            const decision = decideAfterFailure(found.failure);
            if (decision.action === 'offline' || decision.action === 'stop_for_auth') {
              if (decision.action === 'offline') deps.connectivity.reportNetworkFailure(found.failure);
              else deps.connectivity.reportAuthFailure(found.failure);
              // After reporting: the report itself may change the connection, which unblocks.
              blockedUntilMs = Infinity;
            } else {
              blockedUntilMs =
                deps.clock.now() +
                (decision.action === 'rate_limited' ? decision.retryAfterMs : RESOLVE_AGAIN_MS);
              deps.logger.warn('outbox.channel_lookup_failed', { kind: found.failure.kind });
            }
            break;
          }
          didChange = true;
        }
      } finally {
        isRunning = false;
      }
      return didChange;
    },
  };
}
