// Slack mrkdwn as React elements: every piece of text is a text node, so
// nothing the author typed can become markup (no dangerouslySetInnerHTML).
// Each paragraph is memoised on its source, so a keystroke re-renders only
// the paragraph it changed, even in a 10,000-character message.
import { memo, useMemo, type ReactNode } from 'react';
import { OpenInHeraldLink } from '../../app/open-in-herald-link.tsx';
import { parseMrkdwnBlocks, type MrkdwnBlock } from './mrkdwn-blocks.ts';
import { parseInline, type InlineNode } from './mrkdwn-inline.ts';
import { slackDateText } from './slack-date-text.ts';

export interface MrkdwnContext {
  nowMs: number;
  /** The lead's zone: date tokens show as the lead (a reader in that zone) sees them; undefined: this browser's. */
  timeZone?: string;
  /** The lead's clock (Settings → General); undefined: this browser's habit. */
  isTwelveHour?: boolean;
  /** Channel id → name, for <#C123> tokens without a label. */
  channelNames?: Readonly<Record<string, string>>;
}

function InlineNodes({
  nodes,
  context,
}: {
  nodes: readonly InlineNode[];
  context: MrkdwnContext;
}): ReactNode {
  return nodes.map((node, index) => {
    switch (node.kind) {
      case 'text':
        return node.text;
      case 'bold':
        return (
          <strong key={index}>
            <InlineNodes nodes={node.children} context={context} />
          </strong>
        );
      case 'italic':
        return (
          <em key={index}>
            <InlineNodes nodes={node.children} context={context} />
          </em>
        );
      case 'strike':
        return (
          <s key={index}>
            <InlineNodes nodes={node.children} context={context} />
          </s>
        );
      case 'code':
        return (
          <code key={index} className="slack-code">
            {node.text}
          </code>
        );
      case 'link':
        return (
          <a key={index} href={node.url} target="_blank" rel="noreferrer noopener">
            {node.label}
          </a>
        );
      case 'heraldLink':
        return <OpenInHeraldLink key={index} link={node.link} label={node.label} />;
      case 'date': {
        const text = slackDateText(node.epochSec, node.format, {
          nowMs: context.nowMs,
          ...(context.timeZone ? { timeZone: context.timeZone } : {}),
          ...(context.isTwelveHour !== undefined ? { isTwelveHour: context.isTwelveHour } : {}),
        });
        return (
          <time
            key={index}
            className="slack-date"
            dateTime={new Date(node.epochSec * 1000).toISOString()}
            title={`Fallback text: ${node.fallback}`}
          >
            {text}
          </time>
        );
      }
      case 'channel':
        return (
          <span key={index} className="slack-mention">
            #{node.name ?? context.channelNames?.[node.id] ?? node.id}
          </span>
        );
      case 'user':
        return (
          <span key={index} className="slack-mention">
            @{node.name ?? node.id}
          </span>
        );
      case 'broadcast':
        return (
          <span key={index} className="slack-mention slack-broadcast">
            @{node.name}
          </span>
        );
    }
  });
}

const Lines = memo(function Lines({ lines, context }: { lines: readonly string[]; context: MrkdwnContext }) {
  const parsed = useMemo(() => lines.map(parseInline), [lines]);
  return parsed.map((nodes, index) => (
    <span key={index} className="slack-line">
      <InlineNodes nodes={nodes} context={context} />
    </span>
  ));
}, sameLines);

function sameLines(
  before: { lines: readonly string[]; context: MrkdwnContext },
  after: { lines: readonly string[]; context: MrkdwnContext },
): boolean {
  if (before.context !== after.context || before.lines.length !== after.lines.length) return false;
  return before.lines.every((line, index) => line === after.lines[index]);
}

function Block({ block, context }: { block: MrkdwnBlock; context: MrkdwnContext }) {
  switch (block.kind) {
    case 'code':
      return <pre className="slack-pre">{block.text}</pre>;
    case 'quote':
      return (
        <blockquote className="slack-quote">
          <Lines lines={block.lines} context={context} />
        </blockquote>
      );
    case 'paragraph':
      return (
        <p className="slack-paragraph">
          <Lines lines={block.lines} context={context} />
        </p>
      );
  }
}

/** A mrkdwn text (a section's text, a context element) laid out like Slack. */
export const MrkdwnView = memo(function MrkdwnView({
  text,
  context,
}: {
  text: string;
  context: MrkdwnContext;
}) {
  const blocks = useMemo(() => parseMrkdwnBlocks(text), [text]);
  return blocks.map((block, index) => <Block key={index} block={block} context={context} />);
});
