// Posting scheduled messages whose time has come. Mimics a quirk Slack
// documents for message metadata: a scheduled message that carries metadata
// is silently never posted — it leaves the scheduled list and nothing appears.
import { postMessage } from './posting.ts';
import type { TsClock } from './ts-clock.ts';
import type { Workspace } from './workspace.ts';
import type { DeliveryReport } from './types.ts';

export function deliverDueMessages(workspace: Workspace, clock: TsClock, nowSec: number): DeliveryReport {
  const due = workspace.scheduled
    .filter((message) => message.post_at <= nowSec)
    .sort((a, b) => a.post_at - b.post_at);
  workspace.scheduled = workspace.scheduled.filter((message) => message.post_at > nowSec);
  const report: DeliveryReport = { delivered: [], dropped: [] };
  for (const message of due) {
    const channel = workspace.findChannel(message.channel);
    const author = workspace.users.get(message.user);
    if (message.metadata !== undefined || !channel || channel.isArchived || !author) {
      report.dropped.push(message);
      continue;
    }
    const posted = postMessage(workspace, clock, {
      channelId: channel.id,
      author,
      content: { text: message.text, ...(message.blocks ? { blocks: message.blocks } : {}) },
      ...(message.thread_ts === undefined ? {} : { threadTs: message.thread_ts }),
      replyBroadcast: message.reply_broadcast,
      scheduledMessageId: message.id,
      atMs: message.post_at * 1000,
    });
    report.delivered.push(structuredClone(posted));
  }
  return report;
}
