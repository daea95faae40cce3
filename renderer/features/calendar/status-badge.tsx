// An event's status as a coloured badge that also says it in words.
import { statusLabels, type EventStatus } from '../../../shared/calendar/event-vocabulary.ts';

export function StatusBadge({ status }: { status: EventStatus }) {
  return <span className={`status-badge status-${status}`}>{statusLabels[status]}</span>;
}
