// The content arguments shared by chat.postMessage, chat.update and
// chat.scheduleMessage: text, blocks and metadata, validated in the order and
// with the error codes Slack uses.
import { jsonArg, stringArg, type Args } from './args.ts';
import { blockProblems } from './blocks.ts';
import { SlackError } from './slack-error.ts';
import type { SlackMetadata } from './types.ts';

export const MAX_TEXT_CHARS = 40_000;

export interface MessageContent {
  text: string;
  blocks?: unknown[];
  metadata?: SlackMetadata;
}

function readBlocks(args: Args): unknown[] | undefined {
  const blocks = jsonArg(args, 'blocks', 'invalid_blocks');
  if (blocks === undefined || blocks === null) return undefined;
  const problems = blockProblems(blocks);
  if (problems.length > 0) {
    throw new SlackError('invalid_blocks', {
      errors: problems,
      response_metadata: { messages: problems.map((problem) => `[ERROR] ${problem}`) },
    });
  }
  return blocks as unknown[];
}

export function readMetadata(args: Args): SlackMetadata | undefined {
  const metadata = jsonArg(args, 'metadata', 'invalid_metadata_format');
  if (metadata === undefined || metadata === null) return undefined;
  const candidate = metadata as Partial<Record<'event_type' | 'event_payload', unknown>>;
  const payload = candidate.event_payload;
  const isPayloadObject = typeof payload === 'object' && payload !== null && !Array.isArray(payload);
  if (
    typeof metadata !== 'object' ||
    Array.isArray(metadata) ||
    typeof candidate.event_type !== 'string' ||
    candidate.event_type === '' ||
    !isPayloadObject
  ) {
    throw new SlackError('invalid_metadata_format');
  }
  return { event_type: candidate.event_type, event_payload: payload as Record<string, unknown> };
}

/** Text, blocks and metadata of a message; Slack needs text or blocks (or legacy attachments). */
export function readContent(args: Args): MessageContent {
  const text = stringArg(args, 'text') ?? '';
  const blocks = readBlocks(args);
  const hasAttachments = stringArg(args, 'attachments') !== undefined || Array.isArray(args.attachments);
  if (text.trim() === '' && (blocks === undefined || blocks.length === 0) && !hasAttachments) {
    throw new SlackError('no_text');
  }
  if (text.length > MAX_TEXT_CHARS) throw new SlackError('msg_too_long');
  const metadata = readMetadata(args);
  return { text, ...(blocks && blocks.length > 0 ? { blocks } : {}), ...(metadata ? { metadata } : {}) };
}
