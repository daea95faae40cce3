// Property test: random and hostile payloads thrown at every API channel on
// both transports. Whatever arrives (prototype-pollution keys, huge strings,
// deep nesting, wrong types, NaN, arrays for objects, random JSON) is either
// valid or refused with a clean invalid_argument, never a crash or another
// code, and nothing stored or readable changes. Valid payloads are never sent,
// so any change would come from a refused call.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels, type Channel } from '../../../shared/api/index.ts';
import {
  freeFormPaths,
  isAcceptable,
  replacedAt,
  sampleFor,
  valuePaths,
  withExtraKey,
} from './support/contract-samples.ts';
import { settledSnapshot, snapshotStores } from './support/store-snapshot.ts';
import { startHttpTransport, startIpcTransport, type Transport } from './support/transports.ts';

const POLLUTING_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
];

/** Values that have broken parsers and handlers elsewhere. */
function hostileValue(): fc.Arbitrary<unknown> {
  // Deeper than this, Electron's own IPC serialisation refuses the payload in the renderer before main sees it.
  const deep = fc.integer({ min: 50, max: 1_500 }).map((depth) => {
    let value: unknown = 'bottom';
    for (let level = 0; level < depth; level++) value = level % 2 ? [value] : { value };
    return value;
  });
  return fc.oneof(
    fc.constantFrom(
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      -0,
      2 ** 53 + 1,
      -1e308,
      1e-320,
      null,
      true,
      '',
      [],
      {},
    ),
    fc.constantFrom(
      'x'.repeat(120_000),
      '\u0000\u0001\u001b[31m',
      '\uD800',
      '‮gpj.exe',
      '<script>alert(1)</script>',
      '../../../etc/passwd',
      '<!channel>',
      '${process.env}',
    ),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.integer(),
    fc.double(),
    deep,
    fc.constant(JSON.parse('{"__proto__": {"polluted": true}}') as unknown),
    fc.constant({ constructor: { prototype: { polluted: true } } }),
    fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 5 }),
    fc.dictionary(fc.constantFrom(...POLLUTING_KEYS, 'isAdmin', 'token'), fc.anything({ maxDepth: 2 }), {
      maxKeys: 3,
    }),
  );
}

type Path = ReadonlyArray<string | number>;

/** Every free-form value in the contract: channel and path. Checked against the list the tests expect below. */
const FREE_FORM = (Object.keys(channels) as Channel[]).flatMap((channel) =>
  freeFormPaths(channel).map(({ path }) => ({ channel, path })),
);

const nested = (depth: number): unknown => {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level++) value = level % 2 ? [value] : { value };
  return value;
};

/**
 * What a free-form value may be turned into: nested deep (up to the 3,000 levels), wide (thousands of
 * entries), with a huge key, or simply large (under the harness's 2 MiB body cap, so both transports see it).
 * Over IPC the depth stops at 1,500: deeper, Electron's own serialisation refuses the payload in the renderer.
 */
const oversized = (maxDepth: number) =>
  fc.oneof(
    fc.integer({ min: 13, max: maxDepth }).map((depth) => ({
      kind: `nested ${depth} deep`,
      grow: (value: unknown) => merge(value, { deep: nested(depth) }),
    })),
    fc.integer({ min: 7_000, max: 25_000 }).map((count) => ({
      kind: `${count} entries`,
      grow: (value: unknown) =>
        merge(
          value,
          Object.fromEntries(
            Array.from({ length: count }, (_, index) => [
              `k${index}`,
              { firstDate: '2026-01-02', time: '10:00' },
            ]),
          ),
        ),
    })),
    fc.integer({ min: 101, max: 20_000 }).map((length) => ({
      kind: `a ${length}-character key`,
      grow: (value: unknown) => merge(value, { ['k'.repeat(length)]: 'x' }),
    })),
    fc.integer({ min: 1_000_001, max: 1_500_000 }).map((length) => ({
      kind: `a ${length}-character key`,
      grow: (value: unknown) => merge(value, { ['k'.repeat(length)]: 'x' }),
    })),
    fc.integer({ min: 1_000_001, max: 1_900_000 }).map((length) => ({
      kind: `${length} characters`,
      grow: (value: unknown) => merge(value, { text: 'x'.repeat(length) }),
    })),
  );

/** `value` with `extra` added: keys into an object, or a new last element holding them in an array; anything else is replaced. */
function merge(value: unknown, extra: Record<string, unknown>): unknown {
  if (Array.isArray(value)) return [...value, { type: 'section', ...extra }];
  if (value !== null && typeof value === 'object') return { ...value, ...extra };
  return extra;
}

const nodeAt = (value: unknown, path: Path): unknown =>
  path.reduce<unknown>((node, step) => (node as Record<string | number, unknown>)[step], value);

/** A payload for `channel`: random JSON, or its valid sample with one hostile change. */
function payloadFor(channel: Channel): fc.Arbitrary<unknown> {
  const sample = sampleFor(channel)!;
  const paths = valuePaths(sample.args);
  const arbitraries: Array<fc.Arbitrary<unknown>> = [
    fc.anything({ maxDepth: 3, withNullPrototype: false }),
    hostileValue(),
    fc
      .tuple(
        fc.constantFrom(...sample.strictObjects),
        fc.constantFrom(...POLLUTING_KEYS, 'isAdmin', 'extra'),
        hostileValue(),
      )
      .map(([path, key, value]) => withExtraKey(sample.args, path, key, value)),
  ];
  if (paths.length > 0)
    arbitraries.push(
      fc
        .tuple(fc.constantFrom(...paths), hostileValue())
        .map(([path, value]) => replacedAt(sample.args, path, value)),
    );
  return fc.oneof(...arbitraries);
}

/** Short, safe text for any payload (fast-check's own printer overflows the stack on deep nesting). */
function describePayload(value: unknown): string {
  try {
    const text = JSON.stringify(value);
    return text === undefined
      ? String(value)
      : text.length > 600
        ? `${text.slice(0, 600)}… (${text.length} chars)`
        : text;
  } catch (error) {
    return `<${(error as Error).message}>`;
  }
}

function reportSafely(details: fc.RunDetails<[{ channel: Channel; payload: unknown }]>): void {
  if (!details.failed) return;
  const example = details.counterexample?.[0];
  const cause =
    details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
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
    await settledSnapshot(transport.dataDir);
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

  it('refuse the reported attack: Block Kit blocks nested thousands deep on enqueue, naming blocks, storing nothing', async () => {
    const storesBefore = snapshotStores(transport.dataDir);
    const depth = transport.name === 'Electron IPC' ? 1_500 : 3_000;
    const result = await transport.call('outbox:enqueue', {
      channel: 'general',
      text: 'x',
      blocks: [{ type: 'section', text: nested(depth) }],
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_argument',
        fields: ['blocks'],
        message: expect.stringContaining('nested more than 12 levels deep'),
      },
    });
    expect(snapshotStores(transport.dataDir)).toEqual(storesBefore);
  });

  it('refuse every free-form value nested deep, made wide or large, naming the field', async () => {
    const storesBefore = snapshotStores(transport.dataDir);
    let refused = 0;
    const attack = fc.tuple(
      fc.constantFrom(...FREE_FORM),
      oversized(transport.name === 'Electron IPC' ? 1_500 : 3_000),
    );
    await fc.assert(
      fc.asyncProperty(attack, async ([{ channel, path }, { kind, grow }]) => {
        const sample = sampleFor(channel)!.args;
        const payload = replacedAt(sample, path, grow(nodeAt(sample, path)));
        const field = path.filter((step) => typeof step === 'string').join('.');
        expect(
          isAcceptable(channel, transport.transported(payload)),
          `${channel} ${field} ${kind} passes the schema`,
        ).toBe(false);
        const result = await transport.call(channel, payload);
        refused += 1;
        expect(result, `${channel} ${field} ${kind}`).toMatchObject({
          ok: false,
          error: { code: 'invalid_argument' },
        });
        expect(
          result.error!.fields?.some((named) => named.startsWith(field.split('.')[0]!)),
          `${channel} ${kind}: ${JSON.stringify(result.error)}`,
        ).toBe(true);
        expect(result.error!.message.length, `${channel} ${kind}: the refusal echoes the input`).toBeLessThan(
          2_000,
        );
        expect(
          JSON.stringify(result.error!.fields).length,
          `${channel} ${kind}: the fields echo the input`,
        ).toBeLessThan(2_000);
      }),
      {
        numRuns: 60,
        reporter: (details) => {
          if (!details.failed) return;
          const [target, attack] = details.counterexample?.[0] ?? [];
          const cause =
            details.errorInstance instanceof Error
              ? details.errorInstance.message
              : String(details.errorInstance);
          throw new Error(
            `Oversized free-form value not refused (seed ${details.seed}): ${target?.channel} ${target?.path.join('.')} ${attack?.kind}\n  ${cause}`,
          );
        },
      },
    );
    expect(refused).toBeGreaterThanOrEqual(60);
    expect(snapshotStores(transport.dataDir)).toEqual(storesBefore);
  });
});

describe('the contract’s free-form values', () => {
  it('are exactly the ones the attacks above reach (a new one must be bounded and listed here)', () => {
    expect(FREE_FORM.map(({ channel, path }) => `${channel} ${path.join('.')}`).sort()).toEqual([
      'calendar:updateSettings dutySchedules',
      'drafts:create fields',
      'drafts:save draft.fields',
      'drafts:save draft.notApplicable',
      'outbox:confirm blocks.0',
      'outbox:enqueue blocks.0',
      'outbox:update patch.blocks.0',
      'plan:check plan',
      'plan:update plan',
      'templates:save template.fields',
    ]);
  });
});
