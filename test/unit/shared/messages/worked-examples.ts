// The two worked examples from the team's communications plan, built from
// structured answers: an incident declaration with a 30-minute next update,
// and the cert-manager upgrade notice. Shared by the golden and lint tests.
import {
  applyTemplate,
  createDraft,
  defaultTemplates,
  setInstantAnswer,
  type Draft,
} from '../../../../shared/messages/index.ts';
import { resetToDefaultPlan, type Plan } from '../../../../shared/plan/index.ts';

export const ZONE = 'Europe/London';
/** Thu 23 Apr 2026, 09:30 BST: the morning the incident is declared. */
export const INCIDENT_NOW_MS = Date.parse('2026-04-23T08:30:00Z');
/** Mon 13 Apr 2026, 10:00 BST: ten days before the upgrade. */
export const UPGRADE_NOW_MS = Date.parse('2026-04-13T09:00:00Z');

export const plan: Plan = resetToDefaultPlan();

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

export function incidentDeclaration(): Draft {
  const template = defaultTemplates().find((candidate) => candidate.id === 'default:incidents:declared');
  if (template === undefined) throw new Error('missing built-in template');
  let draft = applyTemplate(
    template,
    unwrap(createDraft(plan, { id: 'incident-1', typeId: 'incidents', stage: 'declared' })),
  );
  draft = {
    ...draft,
    body: '',
    fields: {
      ...draft.fields,
      service: 'Cloud Platform',
      priority: 'high',
      serviceImpact:
        'Some users cannot reach services hosted on the Cloud Platform this morning. We do not yet know how far the problem reaches.',
      userActions: 'None for now.',
    },
  };
  return unwrap(
    setInstantAnswer(draft, 'nextUpdateAtUtc', 'in 30 min', { nowMs: INCIDENT_NOW_MS, zone: ZONE }),
  ).draft;
}

export function certManagerUpgrade(): Draft {
  const draft = unwrap(
    createDraft(plan, { id: 'upgrade-1', typeId: 'upgrades-maintenance', stage: 'announcement' }),
  );
  return {
    ...draft,
    fields: {
      ...draft.fields,
      subject: 'Certificate Manager',
      workKind: 'upgrade',
      startsAtUtc: '2026-04-23T11:00:00.000Z',
      endsAtUtc: '2026-04-23T16:00:00.000Z',
      what: 'Upgrading cert-manager from v0.8 to v0.14.',
      why: 'cert-manager looks after the SSL certificates of your websites and web applications. v0.14 is a big step: certificates drop the "v1alpha1" version and move from the certmanager.k8s.io API group to cert-manager.io.',
      changeNotesUrl: 'https://cert-manager.io/docs/installation/upgrading/',
      impact: 'We do not expect any downtime.',
      userActions:
        'Move every certificate definition into your namespace folder in the environments repository; we will convert those for you.\nIf you keep certificates anywhere else, change their YAML to the new API group and redeploy them once the upgrade is finished.',
      userActionDeadlineUtc: '2026-04-22T22:59:00.000Z',
      riskOfNotActing: 'Certificates in the old format will stop working after the upgrade.',
      codeExample:
        '# before\napiVersion: certmanager.k8s.io/v1alpha1\nkind: Certificate\n\n# after\napiVersion: cert-manager.io/v1alpha2\nkind: Certificate',
      process:
        '1. By 22 April: you move certificate definitions into the environments repository.\n2. On 23 April: we upgrade cert-manager and convert the definitions there.\n3. Afterwards: you redeploy any certificates kept elsewhere.',
    },
  };
}
