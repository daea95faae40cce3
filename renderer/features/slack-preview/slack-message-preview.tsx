// A message as Slack will show it: the app's name, the bold header, each
// section's mrkdwn, the small print, and Slack's limits as they approach.
// Takes the rendered message (shared/messages renderBlocks), so the preview
// is built from exactly what will be posted.
import { memo, useMemo } from 'react';
import type { RenderedMessage, SlackBlock } from '../../../shared/slack/format/blocks.ts';
import { formatTimeOfDay, usesTwelveHourClock } from '../../../shared/time/format.ts';
import { useUserZone } from '../../server-state/settings-store.ts';
import { limitGauges, visibleGauges } from './limit-gauges.ts';
import { MrkdwnView, type MrkdwnContext } from './mrkdwn-view.tsx';
import './slack-preview.css';

export interface SlackMessagePreviewProps {
  message: Required<RenderedMessage>;
  nowMs: number;
  /** Where it will appear: "#operations-engineering-update", or a copy destination's name. */
  where: string;
  isThreadReply?: boolean;
  senderName?: string;
}

const SlackBlockView = memo(
  function SlackBlockView({ block, context }: { block: SlackBlock; context: MrkdwnContext }) {
    switch (block.type) {
      case 'header':
        return <p className="slack-header">{block.text.text}</p>;
      case 'section':
        return (
          <div className="slack-section">
            {block.text ? (
              block.text.type === 'mrkdwn' ? (
                <MrkdwnView text={block.text.text} context={context} />
              ) : (
                <p className="slack-paragraph">{block.text.text}</p>
              )
            ) : null}
          </div>
        );
      case 'context':
        return (
          <div className="slack-context">
            {block.elements.map((element, index) =>
              element.type === 'mrkdwn' ? (
                <MrkdwnView key={index} text={element.text} context={context} />
              ) : (
                <span key={index}>{element.text}</span>
              ),
            )}
          </div>
        );
      case 'divider':
        return <hr className="slack-divider" />;
    }
  },
  (before, after) =>
    before.context === after.context && JSON.stringify(before.block) === JSON.stringify(after.block),
);

export function SlackMessagePreview({
  message,
  nowMs,
  where,
  isThreadReply = false,
  senderName = 'herald',
}: SlackMessagePreviewProps) {
  // Minute resolution: "today"/"tomorrow" and relative words only change that often, and a stable context keeps the memos warm.
  const minute = Math.floor(nowMs / 60_000);
  const zone = useUserZone();
  const isTwelveHour = usesTwelveHourClock();
  const context = useMemo<MrkdwnContext>(
    () => ({ nowMs: minute * 60_000, timeZone: zone, isTwelveHour }),
    [minute, zone, isTwelveHour],
  );
  const gauges = useMemo(() => visibleGauges(limitGauges(message)), [message]);
  // The message's time as Herald writes every time: the lead's zone and clock (shared/time/format.ts).
  const time = formatTimeOfDay(nowMs, zone);
  return (
    <section className="slack-preview" aria-label="Slack preview" data-testid="slack-preview">
      <p className="slack-where">
        {where}
        {isThreadReply ? ' · reply in the incident’s thread' : ''}
      </p>
      <div className="slack-message">
        <div className="slack-avatar" aria-hidden="true">
          {senderName.slice(0, 1).toUpperCase()}
        </div>
        <div className="slack-body">
          <p className="slack-meta">
            <strong>{senderName}</strong> <span className="slack-app-badge">App</span>{' '}
            <span className="slack-time">{time}</span>
          </p>
          {message.blocks.length === 0 ? <p className="slack-empty">Nothing to show yet.</p> : null}
          {message.blocks.map((block, index) => (
            <SlackBlockView key={index} block={block} context={context} />
          ))}
        </div>
      </div>
      <ul className="slack-limits" aria-label="Slack limits">
        {gauges.map((item) => (
          <li key={item.id} className={`slack-limit slack-limit-${item.level}`}>
            <span className="slack-limit-label">
              {item.level === 'over' ? 'Over the limit: ' : item.level === 'near' ? 'Nearly full: ' : ''}
              {item.label}:
            </span>{' '}
            {item.text}
          </li>
        ))}
      </ul>
    </section>
  );
}
