// The Templates screen: every template grouped by message type and stage,
// with the open one previewed as Slack will show it. Herald's own
// templates are duplicated to be changed; the team's own are edited or
// deleted (with undo). New templates come from drafts, in Compose.
import { useEffect, useId, useRef, useState } from 'react';
import { usePlan } from '../../server-state/plan-store.ts';
import { TemplateDetail } from './template-detail.tsx';
import { TemplateEditor } from './template-editor.tsx';
import { groupTemplates } from './template-groups.ts';
import { TemplateList } from './template-list.tsx';
import { followTemplates, selectedTemplate, useTemplates } from './templates-store.ts';
import './templates.css';

function DeletedNotice() {
  const deleted = useTemplates((state) => state.deleted);
  const undo = useTemplates((state) => state.undoDelete);
  const dismiss = useTemplates((state) => state.dismissDeleted);
  const undoRef = useRef<HTMLButtonElement>(null);
  // The deleted template's panel is gone: the undo is the natural next stop for the keyboard.
  useEffect(() => {
    if (deleted) undoRef.current?.focus();
  }, [deleted]);
  return (
    <div role="status" className="templates-notice-slot">
      {deleted ? (
        <div className="undo-banner">
          <p>
            <span aria-hidden="true">🗑 </span>Deleted the template “{deleted.name}”.
          </p>
          <div className="row">
            <button type="button" className="primary" ref={undoRef} onClick={() => void undo()}>
              Undo delete
            </button>
            <button type="button" onClick={dismiss} aria-label="Dismiss the delete notice">
              Dismiss
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}

export function TemplatesScreen() {
  const searchId = useId();
  const [query, setQuery] = useState('');
  const plan = usePlan((state) => state.plan);
  const templates = useTemplates((state) => state.templates);
  const isLoaded = useTemplates((state) => state.isLoaded);
  const loadError = useTemplates((state) => state.loadError);
  const isEditing = useTemplates((state) => state.isEditing);
  const selected = useTemplates(selectedTemplate);

  useEffect(() => followTemplates(), []);

  if (loadError) {
    return (
      <p role="alert" className="error-banner">
        Herald could not load the templates: {loadError}
      </p>
    );
  }
  if (plan === null || !isLoaded) return <p className="muted">Loading templates…</p>;

  const groups = groupTemplates(templates, plan, query);
  return (
    <div className="templates-screen">
      <p className="help templates-intro">
        Starting points for each kind of message in the plan. Save your own from any draft in Compose, or
        duplicate one of Herald’s and change the copy.
      </p>
      <DeletedNotice />
      <div className="templates-layout">
        <nav className="templates-list-pane" aria-label="Templates">
          <div className="field">
            <label htmlFor={searchId}>Find a template</label>
            <input
              id={searchId}
              type="search"
              value={query}
              onChange={(event) => setQuery(event.target.value)}
              autoComplete="off"
            />
          </div>
          <TemplateList groups={groups} plan={plan} />
        </nav>
        <div className="templates-detail-pane">
          {selected === undefined ? (
            <p className="muted">Choose a template to see it here.</p>
          ) : isEditing && !selected.isBuiltIn ? (
            <TemplateEditor key={selected.id} template={selected} plan={plan} />
          ) : (
            <TemplateDetail template={selected} plan={plan} groups={groups} />
          )}
        </div>
      </div>
    </div>
  );
}
