// The incident headline: what the declaration at the channel's top level says
// at each stage.
import { describe, expect, it } from 'vitest';
import {
  renderHeadline,
  statusFromAnswer,
  type HeadlineFacts,
} from '../../../../shared/incidents/headline.ts';

const zone = 'Europe/London';
const base: HeadlineFacts = {
  title: 'High Priority Incident Declared - Sentry',
  status: 'investigating',
  nextUpdateAtUtc: '2026-04-23T13:30:00.000Z',
  resolvedAtUtc: null,
  latestReply: null,
  postmortemUrl: null,
};
const declaration = {
  text: '*High Priority Incident Declared - Sentry*\n*Impact:* Sentry is unavailable.',
  blocks: [
    {
      type: 'header' as const,
      text: { type: 'plain_text' as const, text: 'High Priority Incident Declared - Sentry', emoji: true },
    },
    { type: 'section' as const, text: { type: 'mrkdwn' as const, text: '*Impact:* Sentry is unavailable.' } },
  ],
};
const sectionTexts = (blocks: ReadonlyArray<{ type: string; text?: { text: string } }>) =>
  blocks.flatMap((block) => (block.type === 'section' && block.text ? [block.text.text] : []));

describe('the incident headline', () => {
  it('puts the status and the promise (in each reader’s zone) right under the declaration’s title', () => {
    const headline = renderHeadline({ ...base, status: 'monitoring' }, declaration, zone);
    expect(headline.blocks[0]).toEqual(declaration.blocks[0]);
    const [status, impact] = sectionTexts(headline.blocks);
    expect(status).toMatch(/^\*Status: Monitoring\* · Next update by <!date\^1776951000\^\{time\}\|/);
    expect(impact).toBe('*Impact:* Sentry is unavailable.');
    expect(headline.text.split('\n')[1]).toContain('*Status: Monitoring*');
  });

  it('once resolved, says when and links the latest reply and the postmortem', () => {
    const headline = renderHeadline(
      {
        ...base,
        status: 'resolved',
        nextUpdateAtUtc: null,
        resolvedAtUtc: '2026-04-23T14:02:00.000Z',
        latestReply: {
          label: 'Postmortem',
          permalink: 'https://example.slack.com/archives/C1/p1776953000000100',
        },
        postmortemUrl: 'https://docs.example.org/postmortems/sentry',
      },
      declaration,
      zone,
    );
    const [status] = sectionTexts(headline.blocks);
    expect(status).toContain('*Status: Resolved* · Resolved at <!date^1776952920^{time}|');
    expect(status).not.toContain('Next update');
    expect(status).toContain('Latest: <https://example.slack.com/archives/C1/p1776953000000100|Postmortem>');
    expect(status).toContain('Postmortem: <https://docs.example.org/postmortems/sentry|read the postmortem>');
  });

  it('stands on the title alone when the declaration’s draft is not known', () => {
    const headline = renderHeadline({ ...base, nextUpdateAtUtc: null }, null, zone);
    expect(headline.blocks[0]).toMatchObject({ type: 'header', text: { text: base.title } });
    expect(sectionTexts(headline.blocks)).toEqual(['*Status: Investigating*']);
  });

  it('reads a stage’s status answer, never taking "resolved" from a choice', () => {
    expect(statusFromAnswer('identified')).toBe('identified');
    expect(statusFromAnswer('resolved')).toBeUndefined();
    expect(statusFromAnswer(undefined)).toBeUndefined();
  });
});
