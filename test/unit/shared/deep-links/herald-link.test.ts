import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_HERALD_LINK_CHARS,
  harnessOpenPath,
  heraldLinkFor,
  heraldLinkRefusals,
  heraldLinkRefusalWording,
  heraldLinkShapeForLog,
  parseHeraldLink,
  type HeraldLinkRefusal,
} from '../../../../shared/deep-links/herald-link.ts';

const ID = '3f2b8c1e-9a4d-4e7b-8c2f-1d5e6a7b8c9d';
const refusalOf = (raw: unknown) => {
  const parsed = parseHeraldLink(raw);
  return parsed.ok ? null : parsed.reason;
};

describe('parseHeraldLink', () => {
  it('opens the two kinds Herald links to', () => {
    expect(parseHeraldLink(`herald://incident/${ID}`)).toEqual({
      ok: true,
      target: { kind: 'incident', id: ID },
    });
    expect(parseHeraldLink(`herald://event/${ID}`)).toEqual({ ok: true, target: { kind: 'event', id: ID } });
  });

  it('tolerates what launchers do to a link: one trailing slash, upper case scheme, kind or id', () => {
    expect(parseHeraldLink(`herald://incident/${ID}/`)).toEqual({
      ok: true,
      target: { kind: 'incident', id: ID },
    });
    expect(parseHeraldLink(`HERALD://Incident/${ID.toUpperCase()}`)).toEqual({
      ok: true,
      target: { kind: 'incident', id: ID },
    });
  });

  it.each<[string, unknown, HeraldLinkRefusal]>([
    ['not a string', 42, 'not_text'],
    ['null', null, 'not_text'],
    ['empty', '', 'empty'],
    ['huge', `herald://incident/${'a'.repeat(1_000_000)}`, 'too_long'],
    ['a space', `herald://incident/ ${ID}`, 'bad_characters'],
    ['a newline', `herald://incident/${ID}\n`, 'bad_characters'],
    ['a backslash', `herald:\\\\incident\\${ID}`, 'bad_characters'],
    ['unicode letters', `herald://іncident/${ID}`, 'bad_characters'],
    ['a right-to-left override', `herald://incident/\u202e${ID}`, 'bad_characters'],
    ['a full-width slash', `herald://incident\uff0f${ID}`, 'bad_characters'],
    ['no scheme', `incident/${ID}`, 'not_a_link'],
    ['javascript:', 'javascript:alert(1)//herald://incident/x', 'wrong_scheme'],
    ['https', `https://herald/incident/${ID}`, 'wrong_scheme'],
    ['file', `file:///etc/passwd`, 'wrong_scheme'],
    ['a look-alike scheme', `heraldx://incident/${ID}`, 'wrong_scheme'],
    ['a query', `herald://incident/${ID}?open=settings`, 'query_or_fragment'],
    ['a fragment', `herald://incident/${ID}#x`, 'query_or_fragment'],
    ['an encoded slash', `herald://incident%2F${ID}`, 'escaped_characters'],
    ['an encoded dot-dot', `herald://incident/%2e%2e/${ID}`, 'escaped_characters'],
    ['no //', `herald:incident/${ID}`, 'malformed'],
    ['three slashes', `herald:///incident/${ID}`, 'malformed'],
    ['a dot-dot', 'herald://incident/../', 'bad_id'],
    ['a dot-dot before the id', `herald://incident/../${ID}`, 'malformed'],
    ['a further path', `herald://incident/${ID}/settings`, 'malformed'],
    ['a double slash', `herald://incident//${ID}`, 'malformed'],
    ['user info', `herald://lead@incident/${ID}`, 'malformed'],
    ['a port', `herald://incident:80/${ID}`, 'malformed'],
    ['no id', 'herald://incident', 'malformed'],
    ['a kind from a newer Herald', `herald://postmortem/${ID}`, 'unknown_kind'],
    ['an id that is not a UUID', 'herald://incident/inc-1', 'bad_id'],
    ['a UUID with extra', `herald://incident/${ID}0`, 'bad_id'],
  ])('refuses %s', (_name, raw, reason) => {
    expect(refusalOf(raw)).toBe(reason);
  });

  it('has words for every refusal', () => {
    for (const reason of heraldLinkRefusals) expect(heraldLinkRefusalWording[reason]).toMatch(/\w/);
  });

  it('reads back every link it writes', () => {
    fc.assert(
      fc.property(fc.constantFrom('incident' as const, 'event' as const), fc.uuid(), (kind, id) => {
        const link = heraldLinkFor({ kind, id });
        expect(link).not.toBeNull();
        expect(parseHeraldLink(link)).toEqual({ ok: true, target: { kind, id: id.toLowerCase() } });
      }),
    );
  });

  it('opens nothing but herald://<kind>/<uuid>, whatever it is given', () => {
    const shape = /^herald:\/\/(incident|event)\/[0-9a-f-]{36}\/?$/i;
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.string({ unit: 'grapheme', maxLength: 80 }),
          fc.webUrl(),
          fc
            .tuple(fc.constantFrom('herald://', 'herald:', 'HERALD://', 'javascript:'), fc.string())
            .map(([head, tail]) => head + tail),
          fc
            .tuple(fc.constantFrom('incident/', 'event/', ''), fc.uuid(), fc.string({ maxLength: 4 }))
            .map(([kind, id, tail]) => `herald://${kind}${id}${tail}`),
        ),
        (raw) => {
          const parsed = parseHeraldLink(raw);
          if (parsed.ok) expect(raw).toMatch(shape);
          else expect(heraldLinkRefusals).toContain(parsed.reason);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses anything over the length limit before reading it', () => {
    expect(refusalOf(`herald://incident/${ID}`.padEnd(MAX_HERALD_LINK_CHARS + 1, '/'))).toBe('too_long');
  });
});

describe('heraldLinkFor', () => {
  it('writes no link for an id that is not one of Herald’s', () => {
    expect(heraldLinkFor({ kind: 'incident', id: 'inc-1' })).toBeNull();
    expect(heraldLinkFor({ kind: 'event', id: `${ID}/../x` })).toBeNull();
  });
});

describe('heraldLinkShapeForLog', () => {
  it('says how long a link was and its scheme, never the link', () => {
    const raw = `javascript:${'x'.repeat(10_000)}`;
    const shape = heraldLinkShapeForLog(raw);
    expect(shape).toEqual({ length: 10_011, scheme: 'javascript' });
    expect(JSON.stringify(shape).length).toBeLessThan(60);
    expect(heraldLinkShapeForLog(42)).toEqual({ length: 0, scheme: null });
    expect(heraldLinkShapeForLog('no scheme here')).toEqual({ length: 14, scheme: null });
  });
});

describe('harnessOpenPath', () => {
  it('carries the link whole in the query, so the harness route parses exactly what Slack holds', () => {
    const path = harnessOpenPath(`herald://incident/${ID}`);
    expect(path).toBe(`/open?link=herald%3A%2F%2Fincident%2F${ID}`);
    expect(new URL(path, 'http://127.0.0.1').searchParams.get('link')).toBe(`herald://incident/${ID}`);
  });
});
