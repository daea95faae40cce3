// The one router both transports bind. It owns the run-time half of the
// contract: arguments are parsed against the channel's schema (unknown fields
// rejected), handler failures become `internal` results, and results are
// checked against the declared result schema before they leave the process.
import {
  channels,
  describeIssues,
  fail,
  isChannel,
  type Args,
  type ArgsIn,
  type Channel,
  type Result,
  type ResultOf,
} from '../../../shared/api/index.ts';
import type { Logger } from '../logging/logger.ts';
import { diskFailureOf, diskFailureResult } from './disk-failure.ts';

export type Handler<C extends Channel> = (args: Args<C>) => Promise<Result<ResultOf<C>>>;
export type Handlers = { [C in Channel]: Handler<C> };

export interface Router {
  /** Validates and dispatches one call. Never throws, whatever `rawArgs` is. */
  invoke(channel: unknown, rawArgs: unknown): Promise<Result<unknown>>;
  /** The same, typed, for in-process callers (tests, benchmarks). */
  call<C extends Channel>(channel: C, args: ArgsIn<C>): Promise<Result<ResultOf<C>>>;
  /** The channels this router serves. */
  readonly channelNames: readonly Channel[];
}

export interface RouterOptions {
  logger: Logger;
  /** Channels that exist in the contract but are refused here (test-only ones in production). */
  disabledChannels?: ReadonlySet<Channel>;
}

export function createRouter(handlers: Handlers, options: RouterOptions): Router {
  const disabled = options.disabledChannels ?? new Set<Channel>();
  const channelNames = (Object.keys(channels) as Channel[]).filter((name) => !disabled.has(name));

  async function invoke(channel: unknown, rawArgs: unknown): Promise<Result<unknown>> {
    if (!isChannel(channel) || disabled.has(channel)) {
      const shown = typeof channel === 'string' ? channel.slice(0, 80) : typeof channel;
      return fail('unknown_channel', `There is no API channel called "${shown}".`);
    }
    const spec = channels[channel];
    const parsed = spec.args.safeParse(rawArgs ?? {});
    if (!parsed.success) {
      const { message, ...detail } = describeIssues(parsed.error.issues);
      return fail('invalid_argument', message, detail);
    }
    try {
      const handler = handlers[channel] as unknown as (args: unknown) => Promise<Result<unknown>>;
      const result = await handler(parsed.data);
      if (result.ok) {
        const checked = spec.result.safeParse(result.value);
        if (!checked.success) {
          options.logger.error('api.result_mismatch', {
            channel,
            issues: describeIssues(checked.error.issues).message,
          });
          return fail(
            'internal',
            'Herald produced an answer it could not vouch for; nothing was sent to you.',
          );
        }
        return { ok: true, value: checked.data };
      }
      return result;
    } catch (error) {
      const disk = diskFailureOf(error);
      if (disk) {
        options.logger.error('api.disk_write_failed', { channel, errno: disk.errno, store: disk.store });
        return diskFailureResult(channel, disk);
      }
      options.logger.error('api.handler_threw', { channel, error });
      return fail('internal', 'Something went wrong inside Herald. Your input is kept; please try again.');
    }
  }

  const call = <C extends Channel>(channel: C, args: ArgsIn<C>) =>
    invoke(channel, args) as Promise<Result<ResultOf<C>>>;
  return { invoke, call, channelNames };
}
