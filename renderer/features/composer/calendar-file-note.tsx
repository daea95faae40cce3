// Under the preview of a maintenance message whose stage carries the event's
// calendar file: which file goes into its thread, so the lead knows before
// sending that readers get "Add to calendar" with it (calendar settings say
// which messages carry it).
import { useEffect, useState } from 'react';
import { isCommStage } from '../../../shared/calendar/comm-stages.ts';
import { useCalendar } from '../calendar/calendar-store.ts';
import { useComposer } from './composer-store.ts';

export function CalendarFileNote() {
  const origin = useComposer((state) => state.meta?.origin);
  const eventId = origin?.kind === 'calendar' ? origin.eventId : null;
  const stage = origin?.kind === 'calendar' && isCommStage(origin.stage) ? origin.stage : null;
  const key = eventId === null || stage === null ? null : `${eventId}|${stage}`;
  /** The answer for the event and stage it was asked about: another draft's is never shown. */
  const [answer, setAnswer] = useState<{ key: string; file: { name: string; title: string } | null } | null>(
    null,
  );

  useEffect(() => {
    if (eventId === null || stage === null) return;
    let isCurrent = true;
    void useCalendar
      .getState()
      .filePreview({ id: eventId, stage })
      .then((result) => {
        if (isCurrent && result.ok) setAnswer({ key: `${eventId}|${stage}`, file: result.value });
      });
    return () => {
      isCurrent = false;
    };
  }, [eventId, stage]);

  const file = answer !== null && answer.key === key ? answer.file : null;
  if (file === null) return null;
  return (
    <p className="calendar-file-note" data-testid="calendar-file-note">
      Calendar file: <strong>{file.name}</strong> will be attached in the message’s thread, so readers can add
      the work to their calendar: “{file.title}”.
    </p>
  );
}
