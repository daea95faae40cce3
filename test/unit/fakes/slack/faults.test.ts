import { describe, expect, it } from 'vitest';
import { FaultBook, parseFault, RateLimiter } from '../../../fakes/slack/faults.ts';

describe('FaultBook', () => {
  it('serves faults in the order they were injected, method-specific or "*"', () => {
    const book = new FaultBook();
    book.inject('chat.postMessage', { kind: 'drop_before' });
    book.inject('*', { kind: 'delay', ms: 5 });
    expect(book.take('auth.test')).toEqual({ kind: 'delay', ms: 5 });
    expect(book.take('chat.postMessage')).toEqual({ kind: 'drop_before' });
    expect(book.take('chat.postMessage')).toBeUndefined();
  });

  it('refuses zero or negative times', () => {
    expect(() => new FaultBook().inject('auth.test', { kind: 'drop_after' }, { times: 0 })).toThrow(
      TypeError,
    );
  });
});

describe('parseFault', () => {
  it('accepts each kind with its fields and refuses bad shapes', () => {
    expect(parseFault({ kind: 'rate_limited', retryAfterSec: 1.2 })).toEqual({
      kind: 'rate_limited',
      retryAfterSec: 2,
    });
    expect(parseFault({ kind: 'http_status', status: 502 })).toEqual({ kind: 'http_status', status: 502 });
    expect(parseFault({ kind: 'slack_error', error: 'fatal_error' })).toEqual({
      kind: 'slack_error',
      error: 'fatal_error',
    });
    expect(() => parseFault({ kind: 'http_status', status: 99 })).toThrow();
    expect(() => parseFault({ kind: 'delay', ms: -1 })).toThrow();
    expect(() => parseFault(null)).toThrow();
  });
});

describe('RateLimiter', () => {
  it('slides its window: a slot frees a minute after the call that took it', () => {
    const limiter = new RateLimiter();
    limiter.set('chat.postMessage', 2);
    expect(limiter.admit('chat.postMessage', 0)).toBeUndefined();
    expect(limiter.admit('chat.postMessage', 30_000)).toBeUndefined();
    expect(limiter.admit('chat.postMessage', 59_000)).toEqual({ retryAfterSec: 1 });
    expect(limiter.admit('chat.postMessage', 60_001)).toBeUndefined();
    expect(limiter.admit('chat.postMessage', 60_002)).toEqual({ retryAfterSec: 30 });
  });

  it('never tells a client to wait less than a second', () => {
    const limiter = new RateLimiter();
    limiter.set('auth.test', 1);
    limiter.admit('auth.test', 0);
    expect(limiter.admit('auth.test', 59_999)).toEqual({ retryAfterSec: 1 });
  });
});
