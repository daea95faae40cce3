// A time typed the way people say it ("in 30 min", "14:30", "tomorrow
// 09:00"), read in the lead's zone (or the message's own), shown back as a
// full date with how far away it is, and refused, in the engine's words,
// when it is in the past or cannot be read. What was typed stays in the
// field either way.
import { useId, useState } from 'react';
import type { UseFormRegister } from 'react-hook-form';
import type { ChecklistItem } from '../../../shared/messages/checklists/index.ts';
import { instantOf, zoneOf } from '../../../shared/messages/draft.ts';
import { formatInstant, formatRelative } from '../../../shared/time/index.ts';
import { useComposer } from './composer-store.ts';
import { fieldDomId } from './field-dom.ts';
import type { ComposerFormValues } from './form-values.ts';
import { serverNowMs } from '../../server-state/clock-store.ts';
import { useUserZone } from '../../server-state/settings-store.ts';

export interface InstantFieldProps {
  item: ChecklistItem;
  register: UseFormRegister<ComposerFormValues>;
  helpId: string;
}

export function InstantField({ item, register, helpId }: InstantFieldProps) {
  const readingId = useId();
  const name = `answers.${item.id}` as const;
  const [hasLeftField, setHasLeftField] = useState(false);
  const error = useComposer((state) => state.instantErrors[item.id] ?? null);
  const epochMs = useComposer((state) => (state.draft ? instantOf(state.draft, item.id) : undefined));
  const userZone = useUserZone();
  const zone = useComposer((state) => (state.draft ? zoneOf(state.draft, userZone) : userZone));
  const field = register(name, { onBlur: () => setHasLeftField(true) });
  const showError = error !== null && hasLeftField;

  return (
    <>
      <input
        type="text"
        id={fieldDomId(name)}
        data-field={name}
        autoComplete="off"
        placeholder="in 30 min, 14:30 or tomorrow 09:00"
        aria-invalid={showError ? true : undefined}
        aria-describedby={`${helpId} ${readingId}`}
        {...field}
      />
      <p id={readingId} className={showError ? 'field-error' : 'instant-reading'} aria-live="polite">
        {showError
          ? error
          : epochMs !== undefined && error === null
            ? `${formatInstant(epochMs, zone)} · ${formatRelative(epochMs, serverNowMs())}`
            : ''}
      </p>
    </>
  );
}
