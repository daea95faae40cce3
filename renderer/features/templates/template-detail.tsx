// One template, read-only: where it fits in the plan, the message it starts
// (as Slack will show it), its text with placeholders, and what can be done
// with it. Herald's own are duplicated to be changed.
import { useEffect, useRef } from 'react';
import type { Template } from '../../../shared/messages/templates.ts';
import { titlePatternFor } from '../../../shared/messages/titles.ts';
import { findType } from '../../../shared/plan/plan-lookups.ts';
import type { Plan } from '../../../shared/plan/plan-schema.ts';
import { useHeraldNow } from '../../server-state/clock-store.ts';
import { useUserZone } from '../../server-state/settings-store.ts';
import { FieldError } from '../../ui/form-field.tsx';
import { SlackMessagePreview } from '../slack-preview/slack-message-preview.tsx';
import { answerLabel } from './template-form.ts';
import { listOrder, stageNameOf, typeNameOf, type TypeGroup } from './template-groups.ts';
import { previewTemplate, slotText } from './template-preview.ts';
import { useTemplates } from './templates-store.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';

function neighbourOf(template: Template, groups: readonly TypeGroup[]): string | null {
  const order = listOrder(groups);
  const index = order.findIndex((item) => item.id === template.id);
  return (order[index + 1] ?? order[index - 1])?.id ?? null;
}

export function TemplatePreviewPanel({
  template,
  plan,
}: {
  template: Pick<Template, 'typeId' | 'stage' | 'title' | 'body' | 'fields'>;
  plan: Plan;
}) {
  const zone = useUserZone();
  const nowMs = useHeraldNow();
  const preview = previewTemplate(template, plan, zone);
  if (!preview.ok) return <FieldError message={preview.error.message} />;
  return (
    <div className="stack">
      <p className="help">
        Each message’s own answers go where the preview shows a slot such as {slotText('service')}.
      </p>
      <SlackMessagePreview message={preview.value.message} nowMs={nowMs} where={preview.value.where} />
    </div>
  );
}

export function TemplateDetail({
  template,
  plan,
  groups,
}: {
  template: Template;
  plan: Plan;
  groups: readonly TypeGroup[];
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const actionError = useTemplates((state) => state.actionError);
  const { use, duplicate, remove, setEditing } = useTemplates.getState();
  const focusDetail = useTemplates((state) => state.focusDetail);
  const type = findType(plan, template.typeId);
  const planTitle = titlePatternFor({ stage: template.stage }, type);
  const unknown = previewTemplate(template, plan, 'UTC');

  useEffect(() => {
    if (!focusDetail) return;
    headingRef.current?.focus();
    useTemplates.setState({ focusDetail: false });
  }, [focusDetail, template.id]);

  return (
    <section
      className="card template-detail stack"
      aria-labelledby="template-detail-heading"
      data-testid="template-detail"
    >
      <div>
        <h2 id="template-detail-heading" ref={headingRef} tabIndex={-1}>
          {template.name}
        </h2>
        <p className="muted">
          {typeNameOf(plan, template.typeId)} · {stageNameOf(plan, template.typeId, template.stage)} ·{' '}
          {template.isBuiltIn ? 'Herald’s template' : 'Your team’s template'}
          {type?.isRetired ? ' · the type is retired' : ''}
        </p>
      </div>
      <div className="row" role="group" aria-label="Template actions">
        <button type="button" className="primary" onClick={() => void use(template)}>
          Use this template
        </button>
        <button type="button" onClick={() => void duplicate(template.id)}>
          Duplicate
        </button>
        {template.isBuiltIn ? null : (
          <>
            <button type="button" onClick={() => setEditing(true)}>
              Edit
            </button>
            <button type="button" onClick={() => void remove(template, neighbourOf(template, groups))}>
              Delete
            </button>
          </>
        )}
      </div>
      {template.isBuiltIn ? (
        <p className="help">
          Herald’s own templates cannot be changed or deleted: duplicate one to make your version.
        </p>
      ) : null}
      <ErrorAlert error={actionError} isBanner />
      {unknown.ok && unknown.value.unknownPlaceholders.length > 0 ? (
        <p className="warning-text">
          <span aria-hidden="true">⚠ </span>
          This template uses {unknown.value.unknownPlaceholders.map((name) => `{${name}}`).join(', ')}, which{' '}
          {typeNameOf(plan, template.typeId)} cannot fill;
          {unknown.value.unknownPlaceholders.length === 1 ? ' it is' : ' they are'} left out of the message.
          Edit the template to fix it.
        </p>
      ) : null}
      <h3>Preview</h3>
      <TemplatePreviewPanel template={template} plan={plan} />
      <h3>Template text</h3>
      <dl className="template-source">
        <dt>Title</dt>
        <dd>
          {template.title ? (
            <code>{template.title}</code>
          ) : (
            <>
              The plan’s title: <code>{planTitle}</code>
            </>
          )}
        </dd>
        <dt>Text</dt>
        <dd>
          <pre className="template-body">{template.body === '' ? '(none)' : template.body}</pre>
        </dd>
        {Object.keys(template.fields).length > 0 ? (
          <>
            <dt>Pre-filled answers</dt>
            <dd>
              <ul className="plain-list">
                {Object.entries(template.fields).map(([itemId, value]) => (
                  <li key={itemId}>
                    <strong>{answerLabel(plan, template.typeId, itemId)}</strong> {value}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}
