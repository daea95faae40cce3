// Settings → Communications plan: rename channels, add, edit or retire
// message types, reword checklist help, and go back to Herald's default.
// Every edit is checked against the whole plan before it is saved, and
// main checks it again: a bad edit shows its problem and saves nothing.
import { useState } from 'react';
import { ChannelList } from './channel-list.tsx';
import { ChecklistHelpEditor } from './checklist-help-editor.tsx';
import { ResetPlan } from './reset-plan.tsx';
import { usePlan } from '../../server-state/plan-store.ts';
import { TypeList } from './type-list.tsx';
import { UpdateCadenceEditor } from './update-cadence-editor.tsx';
import './plan-editor.css';

/** Tells the editor's parts how to announce a saved change (one polite live region for all). */
export type Announce = (message: string) => void;

export function PlanEditor() {
  const plan = usePlan((state) => state.plan);
  const [announcement, setAnnouncement] = useState('');

  return (
    <section className="card plan-editor" aria-labelledby="plan-heading">
      <h2 id="plan-heading">Communications plan</h2>
      <p className="help">
        Who hears about what, where and how often. Herald builds its checklists, titles and reminders from
        this plan. Each change is checked against the whole plan and saved only when all of it is valid.
      </p>
      <p role="status" className="plan-status" data-testid="plan-status">
        {announcement}
      </p>
      {plan === null ? (
        <p className="muted">Loading the plan…</p>
      ) : (
        <div className="stack-lg">
          <ChannelList plan={plan} announce={setAnnouncement} />
          <TypeList plan={plan} announce={setAnnouncement} />
          <UpdateCadenceEditor plan={plan} announce={setAnnouncement} />
          <ChecklistHelpEditor plan={plan} announce={setAnnouncement} />
          <ResetPlan announce={setAnnouncement} />
        </div>
      )}
    </section>
  );
}
