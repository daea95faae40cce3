// fast-check generators for drafts full of hostile text: mention tokens,
// broadcast words, Slack's reserved characters, fences, placeholders,
// control and direction characters, mixed with arbitrary Unicode.
import fc from 'fast-check';
import { checklists } from '../../../../shared/messages/checklists/index.ts';
import type { Draft } from '../../../../shared/messages/index.ts';
import { resetToDefaultPlan } from '../../../../shared/plan/index.ts';

const NASTY = [
  '<!channel>',
  '<!here>',
  '<!everyone>',
  '<@U123ABC>',
  '<#C123|general>',
  '<!subteam^S1|team>',
  '<https://evil.example|click>',
  '@here',
  '@channel',
  '@everyone',
  '@',
  'here',
  '&',
  '&amp;',
  '&lt;',
  '<',
  '>',
  '|',
  '```',
  '`',
  '*',
  '{service}',
  '{start}',
  '{nope}',
  '{{',
  '}}',
  '\u0000',
  '\u0007',
  '\u001b[31m',
  '\u007f',
  '\u0085',
  '\u202e',
  '\u2066',
  '\r\n',
  '\r',
  '\n',
  '\n\n',
  '\t',
  '\u2028',
  'https://example.org/a?b=1&c=<2>',
  'https://example.org/@here',
  '2026-04-23T11:00:00.000Z',
  '😀',
];

/** Text an author might type on a very bad day. */
export const hostileText: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
      { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

const plan = resetToDefaultPlan();

/** A schema-valid draft of any default type and stage, with hostile answers everywhere. */
export const hostileDraft: fc.Arbitrary<Draft> = fc.constantFrom(...plan.types).chain((type) => {
  const checklist = checklists[type.checklist as keyof typeof checklists];
  const itemIds = checklist.items.map((item) => item.id);
  return fc.record(
    {
      id: fc.constant('draft-1'),
      typeId: fc.constant(type.id),
      stage: fc.constantFrom(...type.stages),
      title: fc.option(hostileText, { nil: undefined }),
      fields: fc.dictionary(
        fc.constantFrom(...itemIds),
        fc.oneof(
          hostileText,
          fc.constantFrom(
            'high',
            'upgrade',
            'decommissioning',
            'yes',
            '2026-04-23T11:00:00.000Z',
            'https://example.org/notes?a=1&b=2',
          ),
        ),
      ),
      notApplicable: fc.dictionary(fc.constantFrom(...itemIds), hostileText),
      body: hostileText,
      channel: fc.oneof(
        fc.constantFrom('operations-engineering-update', 'chat', ''),
        hostileText.map((text) => text.slice(0, 100)),
      ),
      threadTs: fc.option(fc.constant('1776942000.000100'), { nil: undefined }),
    },
    { requiredKeys: ['id', 'typeId', 'stage', 'fields', 'notApplicable', 'body', 'channel'] },
  );
});
