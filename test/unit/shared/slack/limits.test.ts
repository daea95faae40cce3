import { describe, expect, it } from 'vitest';
import {
  contextBlock,
  headerBlock,
  sectionBlock,
  type SlackBlock,
} from '../../../../shared/slack/format/blocks.ts';
import { checkLimits, formatCount, SLACK_LIMITS } from '../../../../shared/slack/limits.ts';

describe('checkLimits', () => {
  it('finds nothing wrong with an ordinary message', () => {
    expect(
      checkLimits({
        text: 'hello',
        blocks: [headerBlock('Title'), sectionBlock('body'), contextBlock(['small'])],
      }),
    ).toEqual([]);
  });

  it('rejects empty text and text over 40,000 characters, saying by how much', () => {
    expect(checkLimits({ text: ' ' })).toEqual([
      { code: 'text_empty', severity: 'error', message: 'The message has no text.' },
    ]);
    const [problem] = checkLimits({ text: 'x'.repeat(40_010) });
    expect(problem).toMatchObject({ code: 'text_too_long', severity: 'error' });
    expect(problem?.message).toBe(
      'The message is 40,010 characters; the limit is 40,000 (10 too many). Shorten it or split it into a thread.',
    );
  });

  it('warns, without blocking, above the recommended 4,000 characters', () => {
    expect(checkLimits({ text: 'x'.repeat(4_001) })).toMatchObject([
      { code: 'text_over_recommended', severity: 'warning' },
    ]);
  });

  it('reports each block that breaks a limit, with its position', () => {
    const blocks: SlackBlock[] = [
      headerBlock('h'.repeat(151)),
      sectionBlock('s'.repeat(3_001)),
      { type: 'section' },
      {
        type: 'context',
        elements: Array.from({ length: 11 }, () => ({ type: 'mrkdwn' as const, text: 'c' })),
      },
      {
        type: 'section',
        fields: Array.from({ length: 11 }, () => ({ type: 'mrkdwn' as const, text: 'f'.repeat(2_001) })),
      },
      { type: 'divider', block_id: 'b'.repeat(256) },
      headerBlock(''),
    ];
    const problems = checkLimits({ text: 'fallback', blocks });
    expect(problems.map((problem) => [problem.code, problem.blockIndex])).toEqual([
      ['header_too_long', 0],
      ['section_text_too_long', 1],
      ['section_empty', 2],
      ['too_many_context_elements', 3],
      ['too_many_section_fields', 4],
      ...Array.from({ length: 11 }, () => ['section_field_too_long', 4]),
      ['block_id_too_long', 5],
      ['header_empty', 6],
    ]);
    expect(problems[0]?.message).toBe('The title (header) is 151 characters; the limit is 150 (1 too many).');
  });

  it('rejects more than 50 blocks', () => {
    const blocks = Array.from({ length: SLACK_LIMITS.blocksPerMessageMax + 1 }, () => sectionBlock('x'));
    expect(checkLimits({ text: 'x', blocks })).toMatchObject([
      { code: 'too_many_blocks', message: 'The message has 51 blocks; Slack allows 50.' },
    ]);
  });
});

describe('formatCount', () => {
  it('writes whole counts as en-GB does, grouped in thousands', () => {
    const counts = [0, 7, 999, 1_000, 4_000, 12_345, 40_000, 999_999, 1_000_000, 1_234_567_890, -1, -3_001];
    for (const count of counts) expect(formatCount(count)).toBe(count.toLocaleString('en-GB'));
    expect(formatCount(40_000)).toBe('40,000');
    expect(formatCount(-3_001)).toBe('-3,001');
  });
});
