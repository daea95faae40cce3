// The Slack channels the plan posts to, each renamable in one step: every
// type that posted to the old name posts to the new one.
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { Plan } from '../../../shared/plan/plan-schema.ts';
import type { Announce } from './plan-editor.tsx';
import { channelsInPlan, withChannelRenamed, type ChannelUse } from '../../../shared/plan/plan-edits.ts';
import { normaliseChannelName } from '../../../shared/plan/plan-vocabulary.ts';
import { channelRenameProblem } from './plan-forms.ts';
import { usePlan } from '../../server-state/plan-store.ts';
import { useFocusKey } from '../../ui/use-focus-key.ts';

function RenameChannelForm({
  plan,
  use,
  onDone,
}: {
  plan: Plan;
  use: ChannelUse;
  onDone: (renamedTo: string | null) => void;
}) {
  const ids = { input: useId(), help: useId(), error: useId() };
  const save = usePlan((state) => state.save);
  const check = usePlan((state) => state.check);
  const { register, handleSubmit, formState, setError } = useForm<{ to: string }>({
    defaultValues: { to: use.channel },
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const error = formState.errors.to?.message ?? formState.errors.root?.message;

  const onSubmit = handleSubmit(async ({ to }) => {
    // The field's check (plan:check) has passed; main checks the whole plan again as it saves.
    const result = await save(withChannelRenamed(plan, use.channel, to));
    if (result.ok) onDone(normaliseChannelName(to));
    else setError('to', { type: 'server', message: result.error.message });
  });

  return (
    <form
      className="inline-form"
      onSubmit={(event) => void onSubmit(event)}
      noValidate
      aria-label={`Rename #${use.channel}`}
    >
      <div className="field">
        <label htmlFor={ids.input}>New name for #{use.channel}</label>
        <input
          id={ids.input}
          autoComplete="off"
          spellCheck={false}
          autoFocus
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${ids.help} ${ids.error}` : ids.help}
          {...register('to', {
            validate: async (to) => (await channelRenameProblem(plan, use.channel, to, check)) ?? true,
          })}
        />
        <p id={ids.help} className="help">
          Lowercase letters, digits, dashes and underscores; the “#” is optional.
        </p>
        {error ? (
          <p id={ids.error} className="field-error" role="alert">
            <span aria-hidden="true">⚠ </span>
            {error}
          </p>
        ) : null}
      </div>
      <div className="row">
        <button type="submit" className="primary" disabled={formState.isSubmitting}>
          Rename channel
        </button>
        <button type="button" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function ChannelList({ plan, announce }: { plan: Plan; announce: Announce }) {
  const [renaming, setRenaming] = useState<string | null>(null);
  const { containerRef, focusKey } = useFocusKey<HTMLElement>();
  const uses = channelsInPlan(plan);
  return (
    <section aria-labelledby="plan-channels-heading" className="plan-part" ref={containerRef}>
      <h3 id="plan-channels-heading">Slack channels</h3>
      <p className="help">Renaming a channel here changes it for every message type that posts to it.</p>
      <ul className="plain-list channel-list">
        {uses.map((use) => (
          <li key={use.channel} className="channel-row" data-testid={`plan-channel-${use.channel}`}>
            {renaming === use.channel ? (
              <RenameChannelForm
                plan={plan}
                use={use}
                onDone={(renamedTo) => {
                  setRenaming(null);
                  focusKey(`rename-${renamedTo ?? use.channel}`);
                  if (renamedTo !== null)
                    announce(`Saved: #${use.channel} is now #${renamedTo} for ${use.typeNames.join(', ')}.`);
                }}
              />
            ) : (
              <>
                <div>
                  <strong>#{use.channel}</strong>
                  <p className="help">Used by {use.typeNames.join(', ')}</p>
                </div>
                <button
                  type="button"
                  data-focus-key={`rename-${use.channel}`}
                  onClick={() => setRenaming(use.channel)}
                  aria-label={`Rename #${use.channel}`}
                >
                  Rename
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
