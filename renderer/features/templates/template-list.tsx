// The list side of the Templates screen: a heading per message type, the
// stage beside each template, and which are the team's own.
import type { Plan } from '../../../shared/plan/plan-schema.ts';
import type { TypeGroup } from './template-groups.ts';
import { useTemplates } from './templates-store.ts';

export function TemplateList({ groups, plan }: { groups: readonly TypeGroup[]; plan: Plan }) {
  const selectedId = useTemplates((state) => state.selectedId);
  const select = useTemplates((state) => state.select);
  if (groups.length === 0) return <p className="muted">No template matches.</p>;
  return (
    <div className="template-groups">
      {groups.map((group) => {
        const headingId = `template-group-${group.typeId}`;
        const hasStages = group.stages.length > 1 || (findStageCount(plan, group.typeId) ?? 1) > 1;
        return (
          <section key={group.typeId} aria-labelledby={headingId} className="template-group">
            <h2 id={headingId}>
              {group.typeName}
              {group.isRetired ? <span className="tag">Retired</span> : null}
              {group.isMissingFromPlan ? <span className="tag">Not in the plan</span> : null}
            </h2>
            <ul className="template-items">
              {group.stages.flatMap((stage) =>
                stage.templates.map((template) => (
                  <li key={template.id}>
                    <button
                      type="button"
                      className="template-item"
                      aria-current={template.id === selectedId ? 'true' : undefined}
                      data-focus-key={`template-${template.id}`}
                      onClick={() => select(template.id)}
                    >
                      <span className="template-item-name">{template.name}</span>
                      <span className="template-item-meta">
                        {hasStages ? `${stage.stageName} · ` : ''}
                        {template.isBuiltIn ? 'Herald’s' : 'Yours'}
                      </span>
                    </button>
                  </li>
                )),
              )}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

function findStageCount(plan: Plan, typeId: string): number | undefined {
  return plan.types.find((type) => type.id === typeId)?.stages.length;
}
