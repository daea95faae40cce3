// Releasing a held message, one form per reason: a promise that has passed
// gets a new time (rewritten wherever the message states it, with the
// wording editable too); a schedule that has passed is sent now or
// rescheduled; an unclear earlier attempt is checked by the lead first.
import { useForm, useWatch } from 'react-hook-form';
import type { Result } from '../../../shared/api/index.ts';
import type { OutboxItem } from '../../../shared/outbox/outbox-item.ts';
import type { ConfirmRequest } from '../../../shared/outbox/outbox-requests.ts';
import { formatInstant, parseTimeInput } from '../../../shared/time/index.ts';
import { herald } from '../../api/herald.ts';
import { FormField } from '../../ui/form-field.tsx';
import { channelLabel } from './outbox-view.ts';
import { retimeBlocks, retimeText } from './retime-promise.ts';

interface HeldFormProps {
  item: OutboxItem;
  zone: string;
  nowMs: number;
  confirm: (request: ConfirmRequest) => Promise<Result<OutboxItem>>;
  onError: (message: string | null) => void;
}

const TIME_HELP = 'For example “in 30 min”, “14:30” or “tomorrow 09:00”.';

async function currentNowMs(fallbackMs: number): Promise<number> {
  const reading = await herald().invoke('clock:now', {});
  return reading.ok ? Date.parse(reading.value.nowUtc) : fallbackMs;
}

function echoTime(text: string, nowMs: number, zone: string): string | undefined {
  if (text.trim() === '') return undefined;
  const parsed = parseTimeInput(text, { nowMs, zone });
  return parsed.ok ? `That is ${formatInstant(parsed.value.epochMs, zone)}.` : undefined;
}

export function PromisePassedForm({ item, zone, nowMs, confirm, onError }: HeldFormProps) {
  const { register, handleSubmit, control, formState, setError } = useForm<{ newTime: string; text: string }>(
    {
      defaultValues: { newTime: '', text: item.text },
    },
  );
  const newTime = useWatch({ control, name: 'newTime' });
  const error = formState.errors.newTime?.message;

  const onSubmit = handleSubmit(async (values) => {
    const now = await currentNowMs(nowMs);
    const parsed = parseTimeInput(values.newTime, { nowMs: now, zone });
    if (!parsed.ok) {
      setError('newTime', { message: parsed.error });
      return;
    }
    if (parsed.value.epochMs <= now) {
      setError('newTime', { message: 'That time has already passed; give a later one.' });
      return;
    }
    const isReworded = formState.dirtyFields.text === true;
    const baseText = isReworded ? values.text : item.text;
    const old = item.promiseAtUtc;
    const request: ConfirmRequest = {
      id: item.id,
      text: old ? retimeText(baseText, old, parsed.value.epochMs, zone) : baseText,
      promiseAtUtc: new Date(parsed.value.epochMs).toISOString(),
    };
    // Reworded text is sent as text alone: the old blocks would contradict it.
    if (isReworded) request.blocks = null;
    else if (old && item.blocks) request.blocks = retimeBlocks(item.blocks, old, parsed.value.epochMs, zone);
    const result = await confirm(request);
    onError(result.ok ? null : [result.error.message, result.error.fix].filter(Boolean).join(' '));
  });

  return (
    <form
      className="held-form stack"
      onSubmit={(event) => void onSubmit(event)}
      noValidate
      aria-label="Give a new next-update time"
    >
      <FormField
        label="New next-update time"
        help={echoTime(newTime, nowMs, zone) ?? TIME_HELP}
        error={error}
      >
        {(control) => (
          <input
            {...control}
            autoComplete="off"
            {...register('newTime', { required: 'Give the new next-update time.' })}
          />
        )}
      </FormField>
      <details>
        <summary>Change the wording too</summary>
        <FormField
          label="Message text (Slack formatting)"
          help="Times in the text are updated to the new one when it is sent. Reworded messages are sent as text, without the block layout."
        >
          {(control) => <textarea {...control} rows={6} spellCheck {...register('text')} />}
        </FormField>
      </details>
      <div className="row">
        <button type="submit" className="primary" disabled={formState.isSubmitting}>
          Confirm and send
        </button>
      </div>
    </form>
  );
}

export function SchedulePassedForm({ item, zone, nowMs, confirm, onError }: HeldFormProps) {
  const { register, handleSubmit, control, formState, setError } = useForm<{ when: string }>({
    defaultValues: { when: '' },
  });
  const when = useWatch({ control, name: 'when' });

  async function sendNow() {
    const result = await confirm({ id: item.id, scheduleForUtc: null });
    onError(result.ok ? null : result.error.message);
  }

  const onSubmit = handleSubmit(async (values) => {
    const now = await currentNowMs(nowMs);
    const parsed = parseTimeInput(values.when, { nowMs: now, zone });
    if (!parsed.ok) {
      setError('when', { message: parsed.error });
      return;
    }
    const result = await confirm({
      id: item.id,
      scheduleForUtc: new Date(parsed.value.epochMs).toISOString(),
    });
    onError(result.ok ? null : [result.error.message, result.error.fix].filter(Boolean).join(' '));
  });

  return (
    <div className="held-form stack">
      <div className="row">
        <button type="button" className="primary" onClick={() => void sendNow()}>
          Send it now
        </button>
      </div>
      <form
        className="row align-end"
        onSubmit={(event) => void onSubmit(event)}
        noValidate
        aria-label="Schedule for a new time"
      >
        <FormField
          label="Or schedule it for"
          help={echoTime(when, nowMs, zone) ?? TIME_HELP}
          error={formState.errors.when?.message}
        >
          {(control) => (
            <input
              {...control}
              autoComplete="off"
              {...register('when', { required: 'Give the new time.' })}
            />
          )}
        </FormField>
        <button type="submit" disabled={formState.isSubmitting}>
          Schedule
        </button>
      </form>
    </div>
  );
}

export function UnconfirmedForm({
  item,
  confirm,
  onError,
  onCancel,
}: HeldFormProps & { onCancel: () => void }) {
  async function sendAgain() {
    const result = await confirm({ id: item.id });
    onError(result.ok ? null : result.error.message);
  }
  return (
    <div className="held-form row">
      <button type="button" className="primary" onClick={() => void sendAgain()}>
        It is not in {channelLabel(item)}: send it
      </button>
      <button type="button" onClick={onCancel}>
        It arrived: cancel this copy
      </button>
    </div>
  );
}
