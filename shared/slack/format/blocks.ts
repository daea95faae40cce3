// The few Block Kit shapes Herald sends, typed so that renderers and the
// limit checker agree on them. Only what a message needs: no interactivity.

export interface PlainTextObject {
  type: 'plain_text';
  text: string;
  emoji?: boolean;
}

export interface MrkdwnTextObject {
  type: 'mrkdwn';
  text: string;
}

export type TextObject = PlainTextObject | MrkdwnTextObject;

export interface HeaderBlock {
  type: 'header';
  text: PlainTextObject;
  block_id?: string;
}

export interface SectionBlock {
  type: 'section';
  text?: TextObject;
  fields?: TextObject[];
  block_id?: string;
}

export interface ContextBlock {
  type: 'context';
  elements: TextObject[];
  block_id?: string;
}

export interface DividerBlock {
  type: 'divider';
  block_id?: string;
}

export type SlackBlock = HeaderBlock | SectionBlock | ContextBlock | DividerBlock;

/** What chat.postMessage receives: blocks plus the plain fallback `text` for notifications. */
export interface RenderedMessage {
  text: string;
  blocks?: SlackBlock[];
}

export function headerBlock(text: string): HeaderBlock {
  return { type: 'header', text: { type: 'plain_text', text, emoji: true } };
}

export function sectionBlock(mrkdwn: string): SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: mrkdwn } };
}

export function contextBlock(mrkdwnElements: readonly string[]): ContextBlock {
  return { type: 'context', elements: mrkdwnElements.map((text) => ({ type: 'mrkdwn', text })) };
}
