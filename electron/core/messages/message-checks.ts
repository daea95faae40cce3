// What every message leaving Herald passes, a new one (messages:send) or a
// correction of one in Slack (messages:edit): Slack's own limits, which no
// override waives, then the plan's checklist, which the author may override
// with a reason that History records. Answers the rendered message.
import { fail, ok, type Result } from '../../../shared/api/index.ts';
import { renderBlocks, type Draft, type LintResult } from '../../../shared/messages/index.ts';
import type { SendOverride } from '../../../shared/outbox/outbox-item.ts';
import type { EnqueueRequest } from '../../../shared/outbox/outbox-requests.ts';
import type { HeraldLinkTarget } from '../../../shared/deep-links/herald-link.ts';
import type { Plan } from '../../../shared/plan/index.ts';
import { checkLimits } from '../../../shared/slack/limits.ts';

export interface CheckedMessage {
  text: string;
  blocks: NonNullable<EnqueueRequest['blocks']>;
  checklist: LintResult['checklist'];
  /** Only when blocking warnings were overridden. */
  override?: SendOverride;
}

export function checkForSlack(
  draft: Draft,
  plan: Plan,
  lint: LintResult,
  options: {
    zone: string;
    overrideReason: string | undefined;
    /** What the message's "Open in Herald" link names (shared/deep-links/open-in-herald.ts); none when null. */
    openInHerald?: HeraldLinkTarget | null;
  },
): Result<CheckedMessage> {
  // Slack's limits come first: no override sends a message Slack would refuse or cut.
  const rendered = renderBlocks(draft, plan, {
    zone: options.zone,
    openInHerald: options.openInHerald ?? null,
  });
  const tooBig = checkLimits(rendered).filter((problem) => problem.severity === 'error');
  if (tooBig.length > 0)
    return fail('too_long', tooBig.map((problem) => problem.message).join(' '), {
      fix: 'Shorten it to fit Slack’s limits (the preview shows each one); an override cannot send it.',
    });

  const blocking = lint.warnings.filter((warning) => warning.isBlocking);
  if (blocking.length > 0 && options.overrideReason === undefined) {
    return fail(
      'checklist_incomplete',
      `Not ready to send: ${blocking.map((warning) => warning.message).join(' ')}`,
      {
        fix: 'Complete the missing items, or send anyway with a reason (it is recorded in history).',
        fields: blocking.flatMap((warning) => (warning.itemId ? [warning.itemId] : [])),
      },
    );
  }
  return ok({
    text: rendered.text,
    blocks: rendered.blocks as unknown as CheckedMessage['blocks'],
    checklist: lint.checklist,
    ...(options.overrideReason !== undefined && blocking.length > 0
      ? {
          override: {
            reason: options.overrideReason,
            warnings: blocking.map(({ code, message }) => ({ code, message })),
          },
        }
      : {}),
  });
}
