// Whether Slack can be reached, as learnt from the outbox's own calls. A
// network failure makes Herald offline and starts probing (auth.test, backing
// off with jitter) until Slack answers; a refused token stops everything
// until Slack is connected again. Listeners hear each change once.
import type { ConnectionState, ConnectionStatus } from '../../../shared/outbox/connection-status.ts';
import type { Clock, TimerHandle } from '../clock/clock.ts';
import type { Logger } from '../logging/logger.ts';
import { isAuthFailure } from '../slack/gateway-support.ts';
import type { GatewayFailure, SlackGateway } from '../slack/slack-gateway.ts';
import { backoffDelayMs, PROBE_BACKOFF } from './retry-policy.ts';

export interface Connectivity {
  status(): ConnectionStatus;
  isOnline(): boolean;
  /** A call succeeded: Slack is reachable. */
  reportOnline(): void;
  /** A call failed below Slack's API: go offline and start probing. */
  reportNetworkFailure(failure: GatewayFailure): void;
  /** Slack refused the token (or there is none): stop until told to check again. */
  reportAuthFailure(failure: GatewayFailure): void;
  /** Probes at once, whatever the state (start-up, "try now", Slack reconnected). */
  checkNow(): void;
  onChange(listener: (status: ConnectionStatus) => void): () => void;
  /** Whether a probe is on its way (tests and shutdown wait for quiet). */
  isProbing(): boolean;
  stop(): void;
}

export interface ConnectivityDeps {
  gateway: Pick<SlackGateway, 'probe'>;
  clock: Clock;
  logger: Logger;
  random: () => number;
}

const MESSAGES: Record<ConnectionState, string> = {
  unknown: 'Herald has not checked Slack yet.',
  online: 'Slack is reachable.',
  offline: 'Herald cannot reach Slack. Messages wait in the outbox and go out in order when Slack is back.',
  auth_stopped: 'Slack refused Herald’s token, so sending has stopped. Nothing queued is lost.',
};

export function createConnectivity(deps: ConnectivityDeps): Connectivity {
  const listeners = new Set<(status: ConnectionStatus) => void>();
  let status: ConnectionStatus = {
    state: 'unknown',
    message: MESSAGES.unknown,
    sinceUtc: new Date(deps.clock.now()).toISOString(),
    nextCheckAtUtc: null,
  };
  let probeTimer: TimerHandle | undefined;
  let isProbing = false;
  /** "Try now" came while a probe was on its way: that probe may have left before the network came back. */
  let isRecheckWanted = false;
  let failedProbes = 0;
  let isStopped = false;
  /**
   * Bumped by every report from outside (Slack connected or disconnected): a probe that left before it answers
   * for the state before, so its answer is dropped. Without this, the start's probe ("not connected") answering
   * after the lead connected Slack stopped the queue until the next restart.
   */
  let epoch = 0;

  function set(
    state: ConnectionState,
    detail: { message?: string; fix?: string; nextCheckAtMs?: number } = {},
  ): void {
    const next: ConnectionStatus = {
      state,
      message: detail.message ?? MESSAGES[state],
      ...(detail.fix === undefined ? {} : { fix: detail.fix }),
      sinceUtc: state === status.state ? status.sinceUtc : new Date(deps.clock.now()).toISOString(),
      nextCheckAtUtc:
        detail.nextCheckAtMs === undefined ? null : new Date(detail.nextCheckAtMs).toISOString(),
    };
    const isSame =
      next.state === status.state &&
      next.message === status.message &&
      next.nextCheckAtUtc === status.nextCheckAtUtc;
    status = next;
    if (isSame) return;
    deps.logger.info('outbox.connection', { state: next.state });
    for (const listener of [...listeners]) {
      try {
        listener(next);
      } catch (error) {
        deps.logger.error('outbox.connection_listener_threw', { error });
      }
    }
  }

  function clearProbe(): void {
    if (probeTimer) deps.clock.clearTimer(probeTimer);
    probeTimer = undefined;
  }

  function scheduleProbe(): void {
    clearProbe();
    if (isStopped) return;
    failedProbes += 1;
    const delayMs = backoffDelayMs(failedProbes, deps.random, PROBE_BACKOFF);
    const atMs = deps.clock.now() + delayMs;
    probeTimer = deps.clock.setTimer(() => {
      probeTimer = undefined;
      void probe();
    }, delayMs);
    set('offline', { nextCheckAtMs: atMs, fix: 'Check your network connection; Herald keeps trying.' });
  }

  async function probe(): Promise<void> {
    if (isStopped) return;
    if (isProbing) {
      isRecheckWanted = true;
      return;
    }
    isProbing = true;
    isRecheckWanted = false;
    let isNetworkFailure = false;
    const probedInEpoch = epoch;
    try {
      const answer = await deps.gateway.probe();
      if (probedInEpoch !== epoch) return;
      if (answer.ok) markOnline();
      else if (isAuthFailure(answer.error)) connectivity.reportAuthFailure(answer.error);
      else if (answer.error.kind === 'network') isNetworkFailure = true;
      // Slack answered, if unhappily (an HTTP or platform error): it is reachable.
      else markOnline();
    } finally {
      isProbing = false;
    }
    if (!isNetworkFailure) return;
    // A check asked for while this one was on its way gets its own answer now, not after a back-off.
    if (isRecheckWanted) void probe();
    else scheduleProbe();
  }

  function markOnline(): void {
    failedProbes = 0;
    clearProbe();
    set('online');
  }

  const connectivity: Connectivity = {
    status: () => status,
    isOnline: () => status.state === 'online',
    reportOnline() {
      epoch += 1;
      markOnline();
    },
    reportNetworkFailure(failure) {
      if (status.state === 'auth_stopped') return;
      deps.logger.warn('outbox.network_failure', {
        cause: failure.kind === 'network' ? failure.cause : failure.kind,
      });
      if (probeTimer === undefined && !isProbing) scheduleProbe();
      // A probe already on its way decides when Herald is back; until then, nothing is sent.
      else if (status.state !== 'offline')
        set('offline', { fix: 'Check your network connection; Herald keeps trying.' });
    },
    reportAuthFailure(failure) {
      epoch += 1;
      clearProbe();
      failedProbes = 0;
      set('auth_stopped', {
        message:
          failure.kind === 'not_connected'
            ? 'Slack is not connected, so nothing is sent. Queued messages wait; nothing is lost.'
            : `${failure.message} Sending has stopped; queued messages wait and nothing is lost.`,
        fix: failure.fix,
      });
    },
    checkNow() {
      if (isStopped) return;
      clearProbe();
      void probe();
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    isProbing: () => isProbing,
    stop() {
      isStopped = true;
      clearProbe();
    },
  };
  return connectivity;
}
