// Under the preview of a maintenance message whose stage carries the event's
// calendar file: which file goes into its thread, so the lead knows before
// sending that readers get "Add to calendar" with it (calendar settings say
// which messages carry it).
import { useEffect, useState } from 'react';
import { herald } from '../../api/herald.ts';
import { useComposer } from './composer-store.ts';

export function CalendarFileNote() {
  const origin = useComposer((state) => state.meta?.origin);
  const eventId = origin?.kind === 'calendar' ? origin.eventId : null;
  const stage = origin?.kind === 'calendar' ? origin.stage : null;
  const [file, setFile] = useState<{ name: string; title: string } | null>(null);

  useEffect(() => {
    setFile(null);
    if (eventId === null || stage === null) return;
    let isCurrent = true;
    void herald()
      .invoke('calendar:filePreview', { id: eventId, stage })
      .then((answer) => {
        if (isCurrent && answer.ok) setFile(answer.value);
      });
    return () => {
      isCurrent = false;
    };
  }, [eventId, stage]);

  if (file === null) return null;
  return (
    <p className="calendar-file-note" data-testid="calendar-file-note">
      <span aria-hidden="true">📅 </span>
      <strong>{file.name}</strong> will be attached in the message’s thread, so readers can add the work to
      their calendar: “{file.title}”.
    </p>
  );
}
