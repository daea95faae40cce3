// Property test: random and hostile payloads thrown at every API channel on
// both transports. Whatever arrives (prototype-pollution keys, huge strings,
// deep nesting, wrong types, NaN, arrays for objects, random JSON) is either
// valid or refused with a clean invalid_argument, never a crash or another
// code, and nothing stored or readable changes. Valid payloads are never sent,
// so any change would come from a refused call.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel } from '../../../shared/api/index.ts';
import { isAcceptable, replacedAt, sampleFor, valuePaths, withExtraKey } from './support/contract-samples.ts';
import { snapshotStores } from './support/store-snapshot.ts';
import { startHttpTransport, startIpcTransport, type Transport } from './support/transports.ts';

const POLLUTING_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__'];

/** Values that have broken parsers and handlers elsewhere. */
function hostileValue(): fc.Arbitrary<unknown> {
  // Deeper than this, Electron's own IPC serialisation refuses the payload in the renderer before main sees it.
  const deep = fc.integer({ min: 50, max: 1_500 }).map((depth) => {
    let value: unknown = 'bottom';
    for (let level = 0; level < depth; level++) value = level % 2 ? [value] : { value };
    return value;
  });
  return fc.oneof(
    fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 2 ** 53 + 1, -1e308, 1e-320, null, true, '', [], {}),
    fc.constantFrom('x'.repeat(120_000), '\u0000\u0001\u001b[31m', '\uD800', '‮gpj.exe', '<script>alert(1)</script>', '../../../etc/passwd', '<!channel>', '${process.env}'),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.integer(),
    fc.double(),
    deep,
    fc.constant(JSON.parse('{"__proto__": {"polluted": true}}') as unknown),
    fc.constant({ constructor: { prototype: { polluted: true } } }),
    fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 5 }),
    fc.dictionary(fc.constantFrom(...POLLUTING_KEYS, 'isAdmin', 'token'), fc.anything({ maxDepth: 2 }), { maxKeys: 3 }),
  );
}

/** A payload for `channel`: random JSON, or its valid sample with one hostile change. */
function payloadFor(channel: Channel): fc.Arbitrary<unknown> {
  const sample = sampleFor(channel)!;
  const paths = valuePaths(sample.args);
  const arbitraries: Array<fc.Arbitrary<unknown>> = [
    fc.anything({ maxDepth: 3, withNullPrototype: false }),
    hostileValue(),
    fc.tuple(fc.constantFrom(...sample.strictObjects), fc.constantFrom(...POLLUTING_KEYS, 'isAdmin', 'extra'), hostileValue()).map(([path, key, value]) =>
      withExtraKey(sample.args, path, key, value),
    ),
  ];
  if (paths.length > 0) arbitraries.push(fc.tuple(fc.constantFrom(...paths), hostileValue()).map(([path, value]) => replacedAt(sample.args, path, value)));
  return fc.oneof(...arbitraries);
}

/** Short, safe text for any payload (fast-check's own printer overflows the stack on deep nesting). */
function describePayload(value: unknown): string {
  try {
    const text = JSON.stringify(value);
    return text === undefined ? String(value) : text.length > 600 ? `${text.slice(0, 600)}… (${text.length} chars)` : text;
  } catch (error) {
    return `<${(error as Error).message}>`;
  }
}

function reportSafely(details: fc.RunDetails<[{ channel: Channel; payload: unknown }]>): void {
  if (!details.failed) return;
  const example = details.counterexample?.[0];
  const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  throw new Error(
    `Hostile payload not refused cleanly after ${details.numRuns} runs (seed ${details.seed}, path "${details.counterexamplePath}"):\n` +
      `  channel: ${example?.channel}\n  payload: ${describePayload(example?.payload)}\n  ${cause}`,
  );
}

describe.each([
  ['Electron IPC', startIpcTransport],
  ['HTTP harness', startHttpTransport],
] as const)('hostile payloads over %s', (_name, start) => {
  let transport: Transport;
  beforeAll(async () => {
    transport = await start();
    await new Promise((resolve) => setTimeout(resolve, 50));
  });
  afterAll(async () => {
    await transport.close();
  });

  it('are refused with invalid_argument on every channel and change nothing', async () => {
    const storesBefore = snapshotStores(transport.dataDir);
    let refused = 0;
    const call = fc
      .constantFrom(...transport.channels)
      .chain((channel) => payloadFor(channel).map((payload) => ({ channel, payload })));
    await fc.assert(
      fc.asyncProperty(call, async ({ channel, payload }) => {
        fc.pre(!isAcceptable(channel, transport.transported(payload)));
        const result = await transport.call(channel, payload);
        refused += 1;
        expect(result.ok).toBe(false);
        expect(result.error?.code).toBe('invalid_argument');
        expect(typeof result.error?.message).toBe('string');
      }),
      { numRuns: 400, reporter: reportSafely },
    );
    expect(refused).toBeGreaterThanOrEqual(400);
    expect(snapshotStores(transport.dataDir)).toEqual(storesBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});
