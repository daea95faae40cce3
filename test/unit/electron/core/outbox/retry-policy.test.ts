import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelayMs, SEND_BACKOFF } from '../../../../../electron/core/outbox/retry-policy.ts';

describe('backoff with jitter', () => {
  it('doubles the step per failure and keeps a random half of it', () => {
    expect(backoffDelayMs(1, () => 0)).toBe(500);
    expect(backoffDelayMs(1, () => 1)).toBe(1_000);
    expect(backoffDelayMs(3, () => 0)).toBe(2_000);
    expect(backoffDelayMs(3, () => 1)).toBe(4_000);
  });

  it('never waits less than half the step nor more than the cap, whatever the randomness', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -5, max: 10_000 }),
        fc.double({ min: -1, max: 2, noNaN: true }),
        (failures, random) => {
          const delayMs = backoffDelayMs(failures, () => random);
          const stepMs = Math.min(SEND_BACKOFF.maxMs, SEND_BACKOFF.baseMs * 2 ** (Math.max(failures, 1) - 1));
          return delayMs >= stepMs / 2 && delayMs <= SEND_BACKOFF.maxMs;
        },
      ),
    );
  });
});
