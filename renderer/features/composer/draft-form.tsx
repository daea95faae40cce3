// The guided form for the open draft (react-hook-form): where it goes, an
// optional own title, one field per checklist item of the current stage
// with the plan's help, and free text. Fields are uncontrolled, so typing
// does not re-render the form; each change is mapped onto the draft in the
// composer store, which drives the checklist, preview and autosave.
import { useEffect, useId, useLayoutEffect, useMemo } from 'react';
import { useForm } from 'react-hook-form';
import {
  findChecklist,
  isRequiredAt,
  itemsForStage,
  type ChecklistDefinition,
} from '../../../shared/messages/checklists/index.ts';
import { titleOf } from '../../../shared/messages/titles.ts';
import { findType, helpFor, slackChannelsOf } from '../../../shared/plan/plan-lookups.ts';
import type { CommunicationType, Plan } from '../../../shared/plan/plan-schema.ts';
import { ChecklistField } from './checklist-field.tsx';
import { SEND_FOCUS, useComposer } from './composer-store.ts';
import { fieldDomId, restoreFocusSoon } from './field-dom.ts';
import { takeOverStartScreen, type TypedBeforeStart } from '../../app/start-screen/take-over.ts';
import { applyFormChange, formValuesFromDraft, type ComposerFormValues } from './form-values.ts';
import { serverNowMs } from '../../server-state/clock-store.ts';
import { usePlan } from '../../server-state/plan-store.ts';
import { selectZone, useSettings, useUserZone } from '../../server-state/settings-store.ts';

function GeneratedTitle({ id }: { id: string }) {
  const plan = usePlan((state) => state.plan);
  const zone = useUserZone();
  const title = useComposer((state) =>
    state.draft && plan && !state.draft.title ? titleOf(state.draft, plan, { zone }).title : null,
  );
  return (
    <p id={id} className="help">
      {title === null
        ? 'Your own title replaces the plan’s pattern. Placeholders such as {service} work here.'
        : `Leave empty to use the plan’s title: “${title || '…'}”.`}
    </p>
  );
}

function channelHelp(type: CommunicationType): string {
  const channels = slackChannelsOf(type);
  const copies = type.destinations.flatMap((destination) =>
    destination.kind === 'copy' ? [destination.name] : [],
  );
  if (channels.length === 0)
    return `The plan does not post ${type.name} to Slack: use “Copy as Slack text” for ${copies.join(' and ')}.`;
  const posted = `The plan posts ${type.name} to ${channels.map((name) => `#${name}`).join(' and ')}.`;
  return copies.length > 0 ? `${posted} Also copy it to ${copies.join(' and ')}.` : posted;
}

/** Maps a change of the form's field `name` onto the open draft (which drives the checklist, preview and autosave). */
function applyFieldToDraft(
  checklist: ChecklistDefinition | undefined,
  values: ComposerFormValues,
  name: string,
): void {
  const state = useComposer.getState();
  if (!state.draft) return;
  state.edit(
    applyFormChange(state.draft, checklist, values, name, {
      nowMs: serverNowMs(),
      zone: selectZone(useSettings.getState()),
    }),
  );
}

/** `values` with the field `name` ("title", "answers.service") set to `value`. */
function withFieldValue(values: ComposerFormValues, name: string, value: string): ComposerFormValues {
  const [group = '', key] = name.split('.', 2);
  if (key === undefined) return { ...values, [group]: value };
  const nested = values[group as keyof ComposerFormValues];
  return typeof nested === 'object' ? { ...values, [group]: { ...nested, [key]: value } } : values;
}

/** Puts the cursor where the lead had it in the start screen, instead of where the draft last had it. */
function placeCursor(cursor: TypedBeforeStart['cursor']): void {
  if (!cursor) return;
  useComposer.getState().clearFocusRequest();
  const element = document.getElementById(fieldDomId(cursor.field));
  if (!(element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement)) return;
  element.focus({ preventScroll: true });
  if (cursor.start !== null && cursor.end !== null) element.setSelectionRange(cursor.start, cursor.end);
}

interface DraftFormProps {
  plan: Plan;
  type: CommunicationType;
  checklist: ChecklistDefinition | undefined;
}

export function DraftForm({ plan, type, checklist }: DraftFormProps) {
  const ids = { title: useId(), channel: useId(), channels: useId(), body: useId(), stage: useId() };
  const stage = useComposer((state) => state.draft?.stage ?? '');
  const channelNames = useComposer((state) => state.channelNames);
  const focusRequest = useComposer((state) => state.focusRequest);
  // A correction edits the message where it is: its channel cannot change.
  const isEditing = useComposer((state) => state.correction !== null);
  // The form starts from the draft as it was opened; it is keyed by draft id, so another draft gets a fresh form.
  const defaultValues = useMemo(() => {
    const { draft } = useComposer.getState();
    const zone = selectZone(useSettings.getState());
    return draft ? formValuesFromDraft(draft, checklist, zone) : undefined;
  }, [checklist]);
  const { register, subscribe, getValues, setValue, control } = useForm<ComposerFormValues>(
    defaultValues ? { defaultValues } : {},
  );
  const items = useMemo(() => (checklist ? itemsForStage(checklist, stage) : []), [checklist, stage]);

  useEffect(
    () =>
      subscribe({
        formState: { values: true },
        callback: ({ name }) => {
          if (name) applyFieldToDraft(checklist, getValues(), name);
        },
      }),
    [subscribe, getValues, checklist],
  );

  // The start screen (app/start-screen/) showed this draft before React had loaded: take over from it in this
  // commit, before the page paints or handles another key, keeping what was typed into it and where the cursor is.
  useLayoutEffect(() => {
    const { draft } = useComposer.getState();
    const typed = draft ? takeOverStartScreen(draft.id) : null;
    if (!typed) return;
    // Until the form's own mount effect has run, getValues() answers its defaults: the typed values are added here.
    let values = getValues();
    for (const { field, value } of typed.edits) {
      setValue(field as never, value as never, { shouldDirty: true });
      values = withFieldValue(values, field, value);
      applyFieldToDraft(checklist, values, field);
    }
    placeCursor(typed.cursor);
    // Mount only: a start screen is taken over once, by the form first drawn for its draft.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (focusRequest === null || focusRequest === SEND_FOCUS) return;
    return restoreFocusSoon(focusRequest, () => useComposer.getState().clearFocusRequest());
  }, [focusRequest]);

  return (
    <form
      className="composer-form stack"
      aria-label="Message"
      noValidate
      onSubmit={(event) => event.preventDefault()}
      onFocus={(event) => {
        const field = (event.target as HTMLElement).dataset.field;
        if (field) useComposer.getState().noteFocus(field);
      }}
      onBlur={() => void useComposer.getState().flush()}
    >
      <div className="field">
        <label htmlFor={fieldDomId('channel')}>Slack channel</label>
        <input
          type="text"
          id={fieldDomId('channel')}
          data-field="channel"
          list={ids.channels}
          autoComplete="off"
          placeholder={slackChannelsOf(type)[0] ?? 'not posted to Slack'}
          aria-describedby={ids.channel}
          readOnly={isEditing}
          {...register('channel')}
        />
        <datalist id={ids.channels}>
          {channelNames.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
        <p id={ids.channel} className="help">
          {isEditing ? 'The message being edited stays in this channel.' : channelHelp(type)}
        </p>
      </div>
      <div className="field">
        <label htmlFor={fieldDomId('title')}>
          Title <span className="field-tag">optional</span>
        </label>
        <input
          type="text"
          id={fieldDomId('title')}
          data-field="title"
          aria-describedby={ids.title}
          {...register('title')}
        />
        <GeneratedTitle id={ids.title} />
      </div>
      <fieldset className="checklist-fields">
        <legend>{checklist ? `${checklist.name} checklist` : 'Checklist'}</legend>
        {items.map((item) => (
          <ChecklistField
            key={item.id}
            item={item}
            help={helpFor(plan, type.checklist, item.id)}
            isRequired={isRequiredAt(item, stage)}
            register={register}
            control={control}
          />
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={fieldDomId('body')}>
          Message text <span className="field-tag">optional</span>
        </label>
        <p id={ids.body} className="help">
          Anything else, shown after the title. Slack formatting works (*bold*, _italic_, `code`), and
          placeholders such as {'{service}'} fill in from the answers.
        </p>
        <textarea
          id={fieldDomId('body')}
          data-field="body"
          rows={8}
          aria-describedby={ids.body}
          {...register('body')}
        />
      </div>
    </form>
  );
}

/** The plan type and checklist of the open draft, or nulls while there is none. */
export function useDraftType(): {
  plan: Plan | null;
  type: CommunicationType | undefined;
  checklist: ChecklistDefinition | undefined;
} {
  const plan = usePlan((state) => state.plan);
  const typeId = useComposer((state) => state.draft?.typeId ?? '');
  return useMemo(() => {
    const type = plan ? findType(plan, typeId) : undefined;
    return { plan, type, checklist: type ? findChecklist(type.checklist) : undefined };
  }, [plan, typeId]);
}
