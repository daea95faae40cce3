import { describe, expect, it } from 'vitest';
import { limitGauges, visibleGauges } from '../../../../../renderer/features/slack-preview/limit-gauges.ts';
import { headerBlock, sectionBlock } from '../../../../../shared/slack/format/blocks.ts';

describe('limitGauges', () => {
  it('always shows the message length and the title’s, and nothing else while far from every limit', () => {
    const gauges = visibleGauges(
      limitGauges({ text: 'hello', blocks: [headerBlock('Title'), sectionBlock('hello')] }),
    );
    expect(gauges).toEqual([
      expect.objectContaining({ id: 'text', level: 'ok', text: '5 of 4,000 characters (Slack’s advice)' }),
      expect.objectContaining({ id: 'title', level: 'ok', text: '5 of 150 characters' }),
    ]);
  });

  it('warns as the title approaches Slack’s 150 characters and says by how much it is over', () => {
    const near = visibleGauges(limitGauges({ text: 'x', blocks: [headerBlock('t'.repeat(130))] }));
    expect(near.find((item) => item.label === 'Title')).toMatchObject({ level: 'near' });
    const over = visibleGauges(limitGauges({ text: 'x', blocks: [headerBlock('t'.repeat(155))] }));
    expect(over.find((item) => item.label === 'Title')?.text).toContain('5 too many');
  });

  it('measures long text against the hard limit once past Slack’s advice', () => {
    const [text] = limitGauges({ text: 'x'.repeat(5000), blocks: [] });
    expect(text).toMatchObject({ level: 'near', max: 40_000 });
    expect(text?.text).toContain('over Slack’s advice');
  });
});
