// The open draft: what kind of message it is and its stage, the save
// state, the guided form with send controls, and beside it the live
// checklist and Slack preview.
import { useId } from 'react';
import { findType } from '../../../shared/plan/plan-lookups.ts';
import { AfterFirstPaint } from '../../app/after-first-paint-view.tsx';
import { ChecklistPanel } from './checklist-panel.tsx';
import { useComposer } from './composer-store.ts';
import { DraftForm, useDraftType } from './draft-form.tsx';
import { EditBanner } from './edit-banner.tsx';
import { OverrideDialog } from './override-dialog.tsx';
import { PreviewPane } from './preview-pane.tsx';
import { SaveStatus } from './save-status.tsx';
import { SaveAsTemplate } from './save-template.tsx';
import { SendBar } from './send-bar.tsx';

function StagePicker() {
  const id = useId();
  const { type, checklist } = useDraftType();
  const stage = useComposer((state) => state.draft?.stage ?? '');
  const setStage = useComposer((state) => state.setStage);
  // A correction keeps the stage of the message it edits.
  const isEditing = useComposer((state) => state.correction !== null);
  if (!type || type.stages.length < 2) return null;
  return (
    <div className="field stage-picker">
      <label htmlFor={id}>Stage</label>
      <select id={id} value={stage} disabled={isEditing} onChange={(event) => setStage(event.target.value)}>
        {type.stages.map((stageId) => (
          <option key={stageId} value={stageId}>
            {checklist?.stages.find((item) => item.id === stageId)?.name ?? stageId}
          </option>
        ))}
      </select>
    </div>
  );
}

export function DraftEditor() {
  const draftId = useComposer((state) => state.draft?.id);
  const typeId = useComposer((state) => state.draft?.typeId ?? '');
  const startOver = useComposer((state) => state.startOver);
  const isEditing = useComposer((state) => state.correction !== null);
  const { plan, type, checklist } = useDraftType();
  if (!plan || !draftId) return null;
  if (!type) {
    return (
      <div role="alert" className="error-banner">
        <p>This draft’s message type (“{typeId}”) is no longer in the plan.</p>
        <button type="button" onClick={() => void startOver()}>
          Start another message
        </button>
      </div>
    );
  }
  return (
    <div className="composer-editor">
      <div className="composer-toolbar">
        <p className="composer-kind">
          <strong>{findType(plan, typeId)?.name}</strong>
          <span className="muted"> for {type.audience}</span>
        </p>
        <StagePicker />
        <SaveStatus />
        <SaveAsTemplate />
        {isEditing ? null : (
          <button type="button" onClick={() => void startOver()}>
            New message
          </button>
        )}
      </div>
      <EditBanner />
      <div className="composer-grid">
        <div className="composer-main stack-lg">
          <DraftForm key={draftId} plan={plan} type={type} checklist={checklist} />
          {/* Below the fields and beside them: drawn once the page has painted, so the fields take keys first. */}
          <AfterFirstPaint>
            <SendBar />
          </AfterFirstPaint>
        </div>
        <div className="composer-side stack-lg">
          <AfterFirstPaint>
            <PreviewPane />
            <ChecklistPanel />
          </AfterFirstPaint>
        </div>
      </div>
      <AfterFirstPaint>
        <OverrideDialog />
      </AfterFirstPaint>
    </div>
  );
}
