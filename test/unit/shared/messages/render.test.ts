import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDraft, renderBlocks, renderMrkdwn, type Draft } from '../../../../shared/messages/index.ts';
import { resetToDefaultPlan } from '../../../../shared/plan/index.ts';
import { checkLimits, SLACK_LIMITS } from '../../../../shared/slack/limits.ts';
import { hostileDraft } from './arbitraries.ts';

const plan = resetToDefaultPlan();
const options = { zone: 'Europe/London' };

function incident(fields: Record<string, string>, extra: Partial<Draft> = {}): Draft {
  const created = createDraft(plan, { id: 'd', typeId: 'incidents', stage: 'update' });
  if (!created.ok) throw new Error(created.error.message);
  return { ...created.value, ...extra, fields: { ...created.value.fields, ...fields } };
}

/** Herald's own tokens: date tokens, links to safe URLs, channel links. */
const HERALD_TOKEN = /<!date\^\d+\^[^<>|]*\|[^<>]*>|<https?:\/\/[^\s<>|"`]+(?:\|[^<>]*)?>|<#[CG][A-Z0-9]+>/g;

function assertSafeMrkdwn(text: string): void {
  const outside = text.replace(HERALD_TOKEN, '');
  expect(outside).not.toMatch(/[<>]/);
  expect(outside).not.toMatch(/&(?!amp;|lt;|gt;)/);
  expect(outside).not.toMatch(/@(here|channel|everyone)(?![\p{L}\p{N}])/iu);
  // eslint-disable-next-line no-control-regex
  expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
}

describe('renderMrkdwn', () => {
  it('escapes what the author typed and defuses mentions', () => {
    const text = renderMrkdwn(
      incident(
        { service: 'A&B <Sentry>', serviceImpact: '<!channel> @here: errors > 5%' },
        { body: 'Ping <@U123> & @everyone' },
      ),
      plan,
      options,
    );
    expect(text).toContain('*Incident Update - A&amp;B &lt;Sentry&gt;*');
    expect(text).toContain('Ping &lt;@U123&gt; &amp; @\u2060everyone');
    expect(text).toContain('*Impact:* &lt;!channel&gt; @\u2060here: errors &gt; 5%');
  });

  it('does not let a placeholder answer complete a mention started in the text', () => {
    const text = renderMrkdwn(incident({ service: 'here' }, { body: 'Hello @{service}' }), plan, options);
    expect(text).toContain('Hello @\u2060here');
  });

  it('puts multi-line answers under their heading and leaves unanswered items out', () => {
    const text = renderMrkdwn(
      incident({ service: 'Sentry', actionBeingTaken: 'Step one.\nStep two.' }),
      plan,
      options,
    );
    expect(text).toContain('*What we are doing:*\nStep one.\nStep two.');
    expect(text).not.toContain('*Impact:*');
  });

  it('leaves out answers that are not valid values rather than showing them wrongly', () => {
    const text = renderMrkdwn(
      incident({ service: 'Sentry', nextUpdateAtUtc: 'soon', priority: 'urgent' }),
      plan,
      options,
    );
    expect(text).not.toContain('Next update');
    expect(text).not.toContain('soon');
  });

  it('shows a window as "start to end", each as a Slack date token', () => {
    const created = createDraft(plan, { id: 'd', typeId: 'upgrades-maintenance', stage: 'starting' });
    if (!created.ok) throw new Error('no draft');
    const draft = {
      ...created.value,
      fields: {
        ...created.value.fields,
        subject: 'DNS',
        startsAtUtc: '2026-04-23T11:00:00.000Z',
        endsAtUtc: '2026-04-23T12:00:00.000Z',
      },
    };
    expect(renderMrkdwn(draft, plan, options)).toContain(
      '*When:* <!date^1776942000^{date_short_pretty} at {time}|Thu 23 Apr 2026, 12:00 BST> to <!date^1776945600^{date_short_pretty} at {time}|Thu 23 Apr 2026, 13:00 BST>',
    );
  });

  it('renders a draft of an unknown type from its own title and text alone', () => {
    const draft = { ...incident({}), typeId: 'gone', title: 'Old message', body: 'Text' };
    expect(renderMrkdwn(draft, plan, options)).toBe('*Old message*\n\nText');
  });

  it('never lets user text produce unescaped <, >, &, a mention or a control character', () => {
    fc.assert(
      fc.property(hostileDraft, (draft) => {
        assertSafeMrkdwn(renderMrkdwn(draft, plan, options));
      }),
      { numRuns: 400 },
    );
  });
});

describe('renderBlocks', () => {
  it('makes a header, sections and small print, with the mrkdwn as fallback text', () => {
    const draft = incident({ service: 'Sentry', serviceImpact: 'Errors are not recorded.' });
    const message = renderBlocks(draft, plan, options);
    expect(message.blocks.map((block) => block.type)).toEqual(['header', 'section', 'context']);
    expect(message.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'Incident Update - Sentry', emoji: true },
    });
    expect(message.text).toBe(renderMrkdwn(draft, plan, options));
  });

  it('splits long text into sections at paragraph breaks instead of truncating', () => {
    const paragraph = 'word '.repeat(240).trim();
    const draft = incident({ service: 'Sentry' }, { body: [paragraph, paragraph, paragraph].join('\n\n') });
    const message = renderBlocks(draft, plan, options);
    const sections = message.blocks.filter((block) => block.type === 'section');
    expect(sections.length).toBeGreaterThan(1);
    for (const section of sections)
      expect(section.text?.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionTextMaxChars);
    expect(
      sections
        .map((section) => section.text?.text)
        .join('\n\n')
        .replace(/\s/g, ''),
    ).toContain(paragraph.repeat(3).replace(/\s/g, ''));
    expect(checkLimits(message)).toEqual([]);
  });

  it('keeps a too-long title whole, for the limit check to report', () => {
    const message = renderBlocks(incident({ service: 'S'.repeat(200) }), plan, options);
    expect(checkLimits(message)).toMatchObject([{ code: 'header_too_long' }]);
  });

  it('never lets user text into any block unescaped', () => {
    fc.assert(
      fc.property(hostileDraft, (draft) => {
        const message = renderBlocks(draft, plan, options);
        assertSafeMrkdwn(message.text);
        for (const block of message.blocks) {
          if (block.type === 'section' && block.text) assertSafeMrkdwn(block.text.text);
          if (block.type === 'context') for (const element of block.elements) assertSafeMrkdwn(element.text);
          if (block.type === 'header') {
            expect(block.text.text).not.toMatch(/@(here|channel|everyone)(?![\p{L}\p{N}])|\n/iu);
            // eslint-disable-next-line no-control-regex
            expect(block.text.text).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
