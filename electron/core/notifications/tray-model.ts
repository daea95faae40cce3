// The tray as data: which icon (nothing due / due soon / overdue, with the
// count drawn in where the platform has no title), the count, the tooltip,
// and a menu listing what is due with one click to act, then "New
// incident", "Open Herald", "Restart to update" when an update is ready, and
// "Quit Herald". Built from trayState().
import type {
  AttentionItem,
  TrayIconState,
  TrayState,
  Urgency,
} from '../../../shared/reminders/attention.ts';
import type { AttentionCommand } from './attention-commands.ts';
import { composeIntentFor, composeRequest, newIncidentRequest } from './compose-intents.ts';
import type { HostCapabilities } from './host-capabilities.ts';
import { describeInstant, messageDueAtMs, messageKind } from '../../../shared/reminders/reminder-wording.ts';
import { menuSafeTitle } from './reminder-wording.ts';

/** Items beyond this are summed up in one "more in Herald" entry: a tray menu is not a list view. */
export const MAX_TRAY_ITEMS = 8;

export type TrayMenuItem =
  | { type: 'item'; label: string; command: AttentionCommand }
  /** A line of text that is not clickable (a heading, "Nothing due"). */
  | { type: 'label'; label: string }
  | { type: 'separator' };

export type TrayBadge = '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '9+';

export interface TrayIcon {
  state: TrayIconState;
  /** The count drawn into the icon; null when there is none or the platform shows it as a title. */
  badge: TrayBadge | null;
}

export interface TrayModel {
  icon: TrayIcon;
  /** Beside the icon where the platform can (macOS): the count, or ''. */
  title: string;
  tooltip: string;
  /** For the dock or launcher badge. */
  count: number;
  menu: TrayMenuItem[];
}

export interface TrayContext {
  nowMs: number;
  timeZone: string;
  capabilities: HostCapabilities;
  /** A downloaded update waiting for a restart: the menu offers "Restart to update". */
  readyUpdateVersion?: string | null;
}

const URGENCY_LABEL: Record<Urgency, string> = {
  overdue: 'Overdue',
  due: 'Due now',
  due_soon: 'Due soon',
  upcoming: 'Coming up',
};

export function badgeFor(count: number): TrayBadge | null {
  if (count <= 0) return null;
  return count > 9 ? '9+' : (String(count) as TrayBadge);
}

function tooltipFor(items: readonly AttentionItem[]): string {
  if (items.length === 0) return 'Herald: nothing due';
  const counts = new Map<Urgency, number>();
  for (const item of items) counts.set(item.urgency, (counts.get(item.urgency) ?? 0) + 1);
  const parts = (['overdue', 'due', 'due_soon'] as const)
    .filter((urgency) => counts.has(urgency))
    .map((urgency) => `${counts.get(urgency)} ${URGENCY_LABEL[urgency].toLowerCase()}`);
  return `Herald: ${parts.join(', ')}`;
}

function itemLabel(item: AttentionItem, context: TrayContext): string {
  const { reminder } = item;
  const when = describeInstant(messageDueAtMs(reminder), context.nowMs, context.timeZone);
  return `${URGENCY_LABEL[item.urgency]}: ${menuSafeTitle(reminder.title)} (${messageKind(reminder).toLowerCase()}, ${when})`;
}

export function buildTrayModel(state: TrayState, context: TrayContext): TrayModel {
  const shown = state.items.slice(0, MAX_TRAY_ITEMS);
  const menu: TrayMenuItem[] = [];
  if (shown.length === 0) {
    menu.push({ type: 'label', label: 'Nothing due' });
  } else {
    menu.push({
      type: 'label',
      label: state.count === 1 ? '1 item needs you' : `${state.count} items need you`,
    });
    for (const item of shown) {
      menu.push({
        type: 'item',
        label: itemLabel(item, context),
        command: { type: 'navigate', request: composeRequest(composeIntentFor(item.reminder.subject)) },
      });
      // A promise due or overdue: the holding update, complete as drafted, one click away.
      const { subject } = item.reminder;
      if (subject.type === 'incident' && (item.urgency === 'due' || item.urgency === 'overdue'))
        menu.push({
          type: 'item',
          label: `Post holding update: ${menuSafeTitle(item.reminder.title)}`,
          command: {
            type: 'navigate',
            request: composeRequest(composeIntentFor(subject, { isHolding: true })),
          },
        });
    }
    const hiddenCount = state.items.length - shown.length;
    if (hiddenCount > 0)
      menu.push({ type: 'item', label: `${hiddenCount} more in Herald…`, command: { type: 'open' } });
  }
  menu.push(
    { type: 'separator' },
    { type: 'item', label: 'New incident…', command: { type: 'navigate', request: newIncidentRequest } },
    { type: 'item', label: 'Open Herald', command: { type: 'open' } },
    { type: 'separator' },
  );
  if (context.readyUpdateVersion)
    menu.push({
      type: 'item',
      label: `Restart to update (${context.readyUpdateVersion})`,
      command: { type: 'restart_to_update' },
    });
  menu.push({ type: 'item', label: 'Quit Herald', command: { type: 'quit' } });
  const { hasTrayTitle, hasCountInTrayIcon } = context.capabilities;
  return {
    icon: { state: state.state, badge: hasCountInTrayIcon ? badgeFor(state.count) : null },
    title: hasTrayTitle && state.count > 0 ? String(state.count) : '',
    tooltip: tooltipFor(state.items),
    count: state.count,
    menu,
  };
}
