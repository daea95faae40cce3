// Slack's size limits for a posted message, and the check that reports every
// breach in words before sending. Herald never truncates to fit: a message
// that is too long is the author's decision to shorten or split.
import type { RenderedMessage, SlackBlock, TextObject } from './format/blocks.ts';

export const SLACK_LIMITS = {
  /** chat.postMessage `text`: Slack truncates beyond this. */
  messageTextMaxChars: 40_000,
  /** Slack's advice for readable top-level text; longer still posts. */
  messageTextRecommendedMaxChars: 4_000,
  blocksPerMessageMax: 50,
  headerTextMaxChars: 150,
  sectionTextMaxChars: 3_000,
  sectionFieldsMax: 10,
  sectionFieldTextMaxChars: 2_000,
  contextElementsMax: 10,
  contextTextMaxChars: 3_000,
  blockIdMaxChars: 255,
} as const;

export type LimitProblemCode =
  | 'text_empty'
  | 'text_too_long'
  | 'text_over_recommended'
  | 'too_many_blocks'
  | 'header_too_long'
  | 'header_empty'
  | 'section_text_too_long'
  | 'section_empty'
  | 'too_many_section_fields'
  | 'section_field_too_long'
  | 'too_many_context_elements'
  | 'context_text_too_long'
  | 'block_id_too_long';

export interface LimitProblem {
  code: LimitProblemCode;
  /** 'error': Slack would reject or cut the message. 'warning': it posts, but reads badly. */
  severity: 'error' | 'warning';
  message: string;
  /** Index into `blocks`, when the problem is in one block. */
  blockIndex?: number;
}

/**
 * A whole count as en-GB writes it ("40,000"), for limits and gauges. Grouped by hand rather than with
 * toLocaleString, which builds an ICU formatter on every call: the composer's gauges format a dozen counts on
 * every keystroke, and the first of them cost tens of milliseconds at start (docs/performance.md).
 */
export function formatCount(count: number): string {
  const digits = String(Math.abs(Math.trunc(count)));
  return `${count <= -1 ? '-' : ''}${digits.replace(/\B(?=(\d{3})+$)/g, ',')}`;
}

/** Counted in UTF-16 units: never fewer than Slack's characters, so the check errs on the safe side. */
function length(text: string): number {
  return text.length;
}

function over(count: number, max: number): string {
  return `${formatCount(count)} characters; the limit is ${formatCount(max)} (${formatCount(count - max)} too many)`;
}

function checkText(
  problems: LimitProblem[],
  text: TextObject,
  maxChars: number,
  code: LimitProblemCode,
  what: string,
  blockIndex: number,
): void {
  const count = length(text.text);
  if (count > maxChars) {
    problems.push({ code, severity: 'error', message: `${what} is ${over(count, maxChars)}.`, blockIndex });
  }
}

function checkBlock(problems: LimitProblem[], block: SlackBlock, index: number): void {
  const where = `Block ${index + 1}`;
  if (block.block_id !== undefined && length(block.block_id) > SLACK_LIMITS.blockIdMaxChars) {
    problems.push({
      code: 'block_id_too_long',
      severity: 'error',
      message: `${where}'s id is ${over(length(block.block_id), SLACK_LIMITS.blockIdMaxChars)}.`,
      blockIndex: index,
    });
  }
  switch (block.type) {
    case 'header':
      if (block.text.text.trim() === '') {
        problems.push({
          code: 'header_empty',
          severity: 'error',
          message: 'The title (header) is empty: Slack rejects an empty header.',
          blockIndex: index,
        });
      }
      checkText(
        problems,
        block.text,
        SLACK_LIMITS.headerTextMaxChars,
        'header_too_long',
        'The title (header)',
        index,
      );
      return;
    case 'section': {
      const fields = block.fields ?? [];
      if (block.text === undefined && fields.length === 0) {
        problems.push({
          code: 'section_empty',
          severity: 'error',
          message: `${where} has neither text nor fields.`,
          blockIndex: index,
        });
      }
      if (block.text !== undefined) {
        checkText(
          problems,
          block.text,
          SLACK_LIMITS.sectionTextMaxChars,
          'section_text_too_long',
          `${where}'s text`,
          index,
        );
      }
      if (fields.length > SLACK_LIMITS.sectionFieldsMax) {
        problems.push({
          code: 'too_many_section_fields',
          severity: 'error',
          message: `${where} has ${fields.length} fields; the limit is ${SLACK_LIMITS.sectionFieldsMax}.`,
          blockIndex: index,
        });
      }
      fields.forEach((field, fieldIndex) =>
        checkText(
          problems,
          field,
          SLACK_LIMITS.sectionFieldTextMaxChars,
          'section_field_too_long',
          `${where}, field ${fieldIndex + 1},`,
          index,
        ),
      );
      return;
    }
    case 'context':
      if (block.elements.length > SLACK_LIMITS.contextElementsMax) {
        problems.push({
          code: 'too_many_context_elements',
          severity: 'error',
          message: `${where} has ${block.elements.length} elements; the limit is ${SLACK_LIMITS.contextElementsMax}.`,
          blockIndex: index,
        });
      }
      block.elements.forEach((element) =>
        checkText(
          problems,
          element,
          SLACK_LIMITS.contextTextMaxChars,
          'context_text_too_long',
          `${where}'s small print`,
          index,
        ),
      );
      return;
    case 'divider':
      return;
  }
}

/** Every way `message` breaks Slack's limits, each in a sentence. Empty when it fits. */
export function checkLimits(message: RenderedMessage): LimitProblem[] {
  const problems: LimitProblem[] = [];
  const textLength = length(message.text);
  if (message.text.trim() === '') {
    problems.push({ code: 'text_empty', severity: 'error', message: 'The message has no text.' });
  } else if (textLength > SLACK_LIMITS.messageTextMaxChars) {
    problems.push({
      code: 'text_too_long',
      severity: 'error',
      message: `The message is ${over(textLength, SLACK_LIMITS.messageTextMaxChars)}. Shorten it or split it into a thread.`,
    });
  } else if (textLength > SLACK_LIMITS.messageTextRecommendedMaxChars) {
    problems.push({
      code: 'text_over_recommended',
      severity: 'warning',
      message:
        `The message is ${formatCount(textLength)} characters; Slack advises under ` +
        `${formatCount(SLACK_LIMITS.messageTextRecommendedMaxChars)} for readable messages. ` +
        'Consider moving detail into a linked page or a thread.',
    });
  }
  const blocks = message.blocks ?? [];
  if (blocks.length > SLACK_LIMITS.blocksPerMessageMax) {
    problems.push({
      code: 'too_many_blocks',
      severity: 'error',
      message: `The message has ${blocks.length} blocks; Slack allows ${SLACK_LIMITS.blocksPerMessageMax}.`,
    });
  }
  blocks.forEach((block, index) => checkBlock(problems, block, index));
  return problems;
}
