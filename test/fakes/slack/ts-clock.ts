// The fake's clock and Slack message timestamps. A Slack `ts` is epoch seconds
// with six digits of microseconds ("1700000000.000100"); it identifies a
// message, so each one handed out is unique and larger than the last even
// when the clock stands still or goes backwards.

const MICROS_PER_SEC = 1_000_000;
/** Step between timestamps minted in the same instant, as in the brief's example. */
const MIN_STEP_MICROS = 100;

export class TsClock {
  private lastMicros = 0;
  private fixedNowMs: number | null = null;
  private readonly baseNowMs: () => number;

  constructor(baseNowMs: () => number) {
    this.baseNowMs = baseNowMs;
  }

  nowMs(): number {
    return this.fixedNowMs ?? this.baseNowMs();
  }

  nowSec(): number {
    return Math.floor(this.nowMs() / 1000);
  }

  /** Pins the clock at an instant (null returns to the base clock). */
  setNowMs(nowMs: number | null): void {
    this.fixedNowMs = nowMs;
  }

  /** A fresh unique ts at the clock's instant, or at `atMs` when given (e.g. a scheduled post_at). */
  nextTs(atMs?: number): string {
    const wantedMicros = Math.floor((atMs ?? this.nowMs()) * 1000);
    this.lastMicros = Math.max(wantedMicros, this.lastMicros + MIN_STEP_MICROS);
    return formatTs(this.lastMicros);
  }
}

export function formatTs(micros: number): string {
  const seconds = Math.floor(micros / MICROS_PER_SEC);
  const fraction = String(micros % MICROS_PER_SEC).padStart(6, '0');
  return `${seconds}.${fraction}`;
}

/** Compares two Slack ts strings numerically (they are decimal seconds). */
export function compareTs(a: string, b: string): number {
  return tsToMicros(a) - tsToMicros(b);
}

/** Parses "1700000000.000100" (or a bare number string) into microseconds; NaN if malformed. */
export function tsToMicros(ts: string): number {
  const match = /^(\d+)(?:\.(\d{1,6}))?$/.exec(ts.trim());
  if (!match) return Number.NaN;
  const [, seconds = '0', fraction = ''] = match;
  return Number(seconds) * MICROS_PER_SEC + Number(fraction.padEnd(6, '0'));
}
