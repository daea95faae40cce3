import { describe, expect, it } from 'vitest';
import { blockProblems } from '../../../fakes/slack/blocks.ts';

describe('blockProblems', () => {
  it('accepts the blocks Herald composes', () => {
    const blocks = [
      { type: 'header', text: { type: 'plain_text', text: 'Incident: GitHub SSO' } },
      { type: 'section', text: { type: 'mrkdwn', text: '*Status:* investigating' } },
      { type: 'divider' },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'Next update 14:30' }] },
      {
        type: 'section',
        fields: [
          { type: 'mrkdwn', text: '*Impact*' },
          { type: 'plain_text', text: 'Sign-in fails' },
        ],
      },
    ];
    expect(blockProblems(blocks)).toEqual([]);
  });

  it('names each problem with a json-pointer, as Slack does', () => {
    expect(blockProblems({ type: 'section' })).toEqual(['must provide an array [json-pointer:/blocks]']);
    expect(blockProblems([{ type: 'banner' }])).toEqual([
      'unsupported type: banner [json-pointer:/blocks/0/type]',
    ]);
    expect(blockProblems([{ type: 'section', text: { type: 'mrkdwn', text: '' } }])).toEqual([
      'must be more than 0 characters [json-pointer:/blocks/0/text/text]',
    ]);
    expect(blockProblems([{ type: 'header', text: { type: 'mrkdwn', text: 'x' } }])).toEqual([
      'must be one of plain_text [json-pointer:/blocks/0/text/type]',
    ]);
    expect(
      blockProblems([{ type: 'section', text: { type: 'mrkdwn', text: 'x'.repeat(3001) } }]),
    ).toHaveLength(1);
    expect(
      blockProblems([
        { type: 'divider', block_id: 'a' },
        { type: 'divider', block_id: 'a' },
      ]),
    ).toEqual(['duplicate block_id [json-pointer:/blocks/1/block_id]']);
    expect(blockProblems([{ type: 'context', elements: [] }])).toHaveLength(1);
  });

  it('allows 50 blocks and refuses 51', () => {
    const divider = { type: 'divider' };
    expect(blockProblems(Array.from({ length: 50 }, () => divider))).toEqual([]);
    expect(blockProblems(Array.from({ length: 51 }, () => divider))).toEqual([
      'no more than 50 items allowed [json-pointer:/blocks]',
    ]);
  });
});
