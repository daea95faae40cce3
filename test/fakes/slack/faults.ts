// Fault injection and rate limiting. Faults are queued per method (or '*'):
// each request takes the first matching fault that still has hits left.
// Rate limits are sliding one-minute windows per method on the fake's clock,
// so a test can move time instead of sleeping.
import { MinuteWindows } from './rate-limits.ts';
import type { Fault, FaultHandle, FaultOptions } from './types.ts';

interface QueuedFault {
  method: string;
  fault: Fault;
  remaining: number;
  hitCount: number;
}

/** Checks a fault that may have come over HTTP as JSON. */
export function parseFault(value: unknown): Fault {
  const fault = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const isNonNegative = (field: unknown) => typeof field === 'number' && Number.isFinite(field) && field >= 0;
  switch (fault.kind) {
    case 'rate_limited':
      if (isNonNegative(fault.retryAfterSec))
        return { kind: 'rate_limited', retryAfterSec: Math.ceil(fault.retryAfterSec as number) };
      break;
    case 'http_status':
      if (
        Number.isInteger(fault.status) &&
        (fault.status as number) >= 200 &&
        (fault.status as number) <= 599
      ) {
        return { kind: 'http_status', status: fault.status as number };
      }
      break;
    case 'drop_before':
    case 'drop_after':
      return { kind: fault.kind };
    case 'delay':
      if (isNonNegative(fault.ms)) return { kind: 'delay', ms: fault.ms as number };
      break;
    case 'slack_error':
      if (typeof fault.error === 'string' && fault.error !== '')
        return { kind: 'slack_error', error: fault.error };
      break;
    default:
      break;
  }
  throw new TypeError(`Fake Slack: not a valid fault: ${JSON.stringify(value)}`);
}

export class FaultBook {
  private queue: QueuedFault[] = [];

  inject(method: string, fault: Fault, options: FaultOptions = {}): FaultHandle {
    const times = options.times ?? 1;
    if (!(times > 0))
      throw new TypeError('Fake Slack: times must be positive (Infinity for "until cleared")');
    const entry: QueuedFault = { method, fault: parseFault(fault), remaining: times, hitCount: 0 };
    this.queue.push(entry);
    return {
      get hitCount() {
        return entry.hitCount;
      },
      cancel: () => {
        this.queue = this.queue.filter((queued) => queued !== entry);
      },
    };
  }

  /** The fault for this request, if any; uses up one of its hits. */
  take(method: string): Fault | undefined {
    const entry = this.queue.find((queued) => queued.method === method || queued.method === '*');
    if (!entry) return undefined;
    entry.remaining -= 1;
    entry.hitCount += 1;
    if (entry.remaining <= 0) this.queue = this.queue.filter((queued) => queued !== entry);
    return entry.fault;
  }

  clear(): void {
    this.queue = [];
  }
}

/** Limits a test sets by hand (`setRateLimit`): one budget per method for every caller. */
export class RateLimiter {
  private readonly perMinuteByMethod = new Map<string, number>();
  private readonly windows = new MinuteWindows();

  set(method: string, perMinute: number | null): void {
    if (perMinute === null) {
      this.perMinuteByMethod.delete(method);
      this.windows.forget(method);
      return;
    }
    if (!Number.isInteger(perMinute) || perMinute < 1)
      throw new TypeError('Fake Slack: perMinute must be a positive integer');
    this.perMinuteByMethod.set(method, perMinute);
  }

  /**
   * Counts a request against its method's window. Returns the seconds to wait
   * when the window is full; refused requests do not count, as with Slack.
   */
  admit(method: string, nowMs: number): { retryAfterSec: number } | undefined {
    const perMinute = this.perMinuteByMethod.get(method);
    if (perMinute === undefined) return undefined;
    return this.windows.admit(method, perMinute, nowMs);
  }

  clear(): void {
    this.perMinuteByMethod.clear();
    this.windows.forget();
  }
}
