// How close a rendered message is to each of Slack's limits, for the
// preview's gauges: the message text, the title (header), the number of
// blocks and each section. "near" from 80% of a limit, so the author sees
// it coming while there is still room to act. Pure.
import type { RenderedMessage } from '../../../shared/slack/format/blocks.ts';
import { formatCount, SLACK_LIMITS } from '../../../shared/slack/limits.ts';

export type GaugeLevel = 'ok' | 'near' | 'over';

export interface LimitGauge {
  id: string;
  /** What is measured, for people: "Message text". */
  label: string;
  used: number;
  max: number;
  level: GaugeLevel;
  /** A sentence that stands without the colour: "3,412 of 4,000 characters (Slack's advice)". */
  text: string;
}

const NEAR_RATIO = 0.8;

function levelOf(used: number, max: number): GaugeLevel {
  if (used > max) return 'over';
  return used >= max * NEAR_RATIO ? 'near' : 'ok';
}

function gauge(id: string, label: string, used: number, max: number, unit: string, note = ''): LimitGauge {
  const level = levelOf(used, max);
  const verdict =
    level === 'over'
      ? ` — ${formatCount(used - max)} too many`
      : level === 'near'
        ? ' — close to the limit'
        : '';
  return {
    id,
    label,
    used,
    max,
    level,
    text: `${formatCount(used)} of ${formatCount(max)} ${unit}${note}${verdict}`,
  };
}

/** Every gauge, in reading order. The message text gauge measures against Slack's advice, and past it against the hard limit. */
export function limitGauges(message: RenderedMessage): LimitGauge[] {
  const textLength = message.text.length;
  const isPastAdvice = textLength > SLACK_LIMITS.messageTextRecommendedMaxChars;
  const gauges: LimitGauge[] = [
    isPastAdvice
      ? gauge(
          'text',
          'Message text',
          textLength,
          SLACK_LIMITS.messageTextMaxChars,
          'characters',
          ' (Slack’s hard limit; it advises under 4,000)',
        )
      : gauge(
          'text',
          'Message text',
          textLength,
          SLACK_LIMITS.messageTextRecommendedMaxChars,
          'characters',
          ' (Slack’s advice)',
        ),
  ];
  if (isPastAdvice && gauges[0]?.level === 'ok')
    gauges[0] = { ...gauges[0], level: 'near', text: `${gauges[0].text} — over Slack’s advice of 4,000` };
  const blocks = message.blocks ?? [];
  gauges.push(gauge('blocks', 'Blocks', blocks.length, SLACK_LIMITS.blocksPerMessageMax, 'blocks'));
  blocks.forEach((block, index) => {
    if (block.type === 'header')
      gauges.push(
        gauge('title', 'Title', block.text.text.length, SLACK_LIMITS.headerTextMaxChars, 'characters'),
      );
    if (block.type === 'section' && block.text !== undefined) {
      const section = gauge(
        `block-${index}`,
        `Section ${index + 1}`,
        block.text.text.length,
        SLACK_LIMITS.sectionTextMaxChars,
        'characters',
      );
      // Herald splits long text into sections itself, so only an overflow (one huge paragraph) is worth a gauge.
      if (section.level === 'over') gauges.push(section);
    }
  });
  return gauges;
}

/** Always shown, so the author knows Slack's limits before sending: the message text and the title (a header). */
const ALWAYS_SHOWN = new Set(['text', 'title']);

/** The gauges worth showing: the message text and title always, the rest as they approach their limit. */
export function visibleGauges(gauges: readonly LimitGauge[]): LimitGauge[] {
  return gauges.filter((item) => ALWAYS_SHOWN.has(item.id) || item.level !== 'ok');
}
