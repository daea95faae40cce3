// Block Kit checks, a useful subset of Slack's: blocks must be a JSON array of
// at most 50 known blocks, and the limits Herald is likely to meet (header
// 150 characters, section text 3,000, fields 10) are enforced. Failures carry
// Slack's `errors` list with json-pointers, as the real API does.

const MAX_BLOCKS = 50;
const KNOWN_TYPES = new Set([
  'actions',
  'context',
  'divider',
  'file',
  'header',
  'image',
  'input',
  'markdown',
  'rich_text',
  'section',
  'table',
  'video',
]);

type Problems = string[];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkTextObject(
  value: unknown,
  pointer: string,
  maxChars: number,
  problems: Problems,
  plainOnly = false,
): void {
  if (!isRecord(value)) {
    problems.push(`must provide an object [json-pointer:${pointer}]`);
    return;
  }
  const allowed = plainOnly ? ['plain_text'] : ['plain_text', 'mrkdwn'];
  if (typeof value.type !== 'string' || !allowed.includes(value.type)) {
    problems.push(`must be one of ${allowed.join(', ')} [json-pointer:${pointer}/type]`);
  }
  if (typeof value.text !== 'string') problems.push(`must provide a string [json-pointer:${pointer}/text]`);
  else if (value.text.length === 0)
    problems.push(`must be more than 0 characters [json-pointer:${pointer}/text]`);
  else if (value.text.length > maxChars) {
    problems.push(`must be less than ${maxChars + 1} characters [json-pointer:${pointer}/text]`);
  }
}

function checkElements(
  block: Record<string, unknown>,
  pointer: string,
  max: number,
  problems: Problems,
): void {
  const elements = block.elements;
  if (!Array.isArray(elements) || elements.length === 0) {
    problems.push(`must provide a non-empty array [json-pointer:${pointer}/elements]`);
  } else if (elements.length > max) {
    problems.push(`must provide no more than ${max} items [json-pointer:${pointer}/elements]`);
  }
}

function checkBlock(block: unknown, pointer: string, problems: Problems): void {
  if (!isRecord(block)) {
    problems.push(`must provide an object [json-pointer:${pointer}]`);
    return;
  }
  if (typeof block.type !== 'string' || !KNOWN_TYPES.has(block.type)) {
    problems.push(`unsupported type: ${String(block.type)} [json-pointer:${pointer}/type]`);
    return;
  }
  if (block.block_id !== undefined && (typeof block.block_id !== 'string' || block.block_id.length > 255)) {
    problems.push(`must be a string of at most 255 characters [json-pointer:${pointer}/block_id]`);
  }
  switch (block.type) {
    case 'header':
      checkTextObject(block.text, `${pointer}/text`, 150, problems, true);
      break;
    case 'section':
      if (block.text === undefined && block.fields === undefined) {
        problems.push(`must provide either text or fields [json-pointer:${pointer}]`);
      }
      if (block.text !== undefined) checkTextObject(block.text, `${pointer}/text`, 3000, problems);
      if (block.fields !== undefined) {
        if (!Array.isArray(block.fields) || block.fields.length > 10) {
          problems.push(`must provide no more than 10 items [json-pointer:${pointer}/fields]`);
        } else {
          block.fields.forEach((field, i) =>
            checkTextObject(field, `${pointer}/fields/${i}`, 2000, problems),
          );
        }
      }
      break;
    case 'context':
      checkElements(block, pointer, 10, problems);
      break;
    case 'actions':
      checkElements(block, pointer, 25, problems);
      break;
    case 'rich_text':
      if (!Array.isArray(block.elements))
        problems.push(`must provide an array [json-pointer:${pointer}/elements]`);
      break;
    case 'image':
      if (typeof block.image_url !== 'string' && !isRecord(block.slack_file)) {
        problems.push(`must provide image_url or slack_file [json-pointer:${pointer}]`);
      }
      if (typeof block.alt_text !== 'string')
        problems.push(`must provide a string [json-pointer:${pointer}/alt_text]`);
      break;
    case 'markdown':
      if (typeof block.text !== 'string' || block.text.length > 12_000) {
        problems.push(`must provide a string of at most 12000 characters [json-pointer:${pointer}/text]`);
      }
      break;
    default:
      break;
  }
}

/** Problems with a parsed `blocks` value, in Slack's wording; empty when valid. */
export function blockProblems(blocks: unknown): string[] {
  if (!Array.isArray(blocks)) return ['must provide an array [json-pointer:/blocks]'];
  if (blocks.length > MAX_BLOCKS) return [`no more than ${MAX_BLOCKS} items allowed [json-pointer:/blocks]`];
  const problems: Problems = [];
  const seenIds = new Set<string>();
  blocks.forEach((block, index) => {
    checkBlock(block, `/blocks/${index}`, problems);
    const blockId = isRecord(block) ? block.block_id : undefined;
    if (typeof blockId === 'string') {
      if (seenIds.has(blockId)) problems.push(`duplicate block_id [json-pointer:/blocks/${index}/block_id]`);
      seenIds.add(blockId);
    }
  });
  return problems;
}
