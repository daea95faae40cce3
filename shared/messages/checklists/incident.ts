// What every incident message must tell users, from declaration through
// updates to closure. The next-update promise is an absolute instant because
// Herald turns it into a reminder and users need a time they can rely on.
import type { ChecklistDefinition } from './types.ts';

export const INCIDENT_STAGES = {
  declared: 'declared',
  update: 'update',
  resolved: 'resolved',
} as const;

const { declared, update, resolved } = INCIDENT_STAGES;

export const DEFAULT_APOLOGY =
  'We are sorry for the disruption, and thank you for bearing with us while we sort it out.';

export const incidentChecklist: ChecklistDefinition = {
  kind: 'incident',
  name: 'Incident',
  stages: [
    { id: declared, name: 'Declared' },
    { id: update, name: 'Update' },
    { id: resolved, name: 'Resolved' },
  ],
  items: [
    {
      id: 'service',
      label: 'Which service is affected?',
      help: 'A short name people recognise, such as "Cloud Platform" or "Sentry". It goes in the title.',
      valueKind: 'text',
      appliesAt: 'all',
      requiredAt: 'all',
      allowsNotApplicable: false,
      placeholder: 'service',
      placement: 'title',
      isReusable: true,
    },
    {
      id: 'priority',
      label: 'Priority',
      help: 'Optional. Shown at the start of the declaration title so readers can judge urgency at a glance.',
      valueKind: 'choice',
      options: [
        { value: 'high', label: 'High Priority' },
        { value: 'medium', label: 'Medium Priority' },
        { value: 'low', label: 'Low Priority' },
      ],
      appliesAt: 'all',
      requiredAt: [],
      allowsNotApplicable: false,
      placeholder: 'priority',
      placement: 'title',
    },
    {
      id: 'serviceImpact',
      label: 'What are users seeing?',
      help: 'Describe the symptoms in the words users would use when reporting them. Say so if the full extent is not known yet.',
      valueKind: 'paragraph',
      appliesAt: [declared, update],
      requiredAt: [declared, update],
      allowsNotApplicable: false,
      placeholder: 'service_impact',
      placement: 'line',
      heading: 'Impact',
    },
    {
      id: 'actionBeingTaken',
      label: 'What are we doing about it?',
      help: '"We are investigating" is a perfectly good answer early on. Later, say what has changed since the last message.',
      valueKind: 'paragraph',
      appliesAt: [declared, update],
      requiredAt: [declared, update],
      allowsNotApplicable: false,
      placeholder: 'action',
      placement: 'line',
      heading: 'What we are doing',
    },
    {
      id: 'resolution',
      label: 'How was it resolved?',
      help: 'What fixed it, whether anything still needs watching, and whether a postmortem will follow.',
      valueKind: 'paragraph',
      appliesAt: [resolved],
      requiredAt: [resolved],
      allowsNotApplicable: false,
      placeholder: 'resolution',
      placement: 'line',
      heading: 'Resolution',
    },
    {
      id: 'userActions',
      label: 'Do users need to do anything?',
      help: 'Steps users should take, or "None". Mark as not applicable only if the question makes no sense for this incident.',
      valueKind: 'paragraph',
      appliesAt: 'all',
      requiredAt: [declared, update],
      allowsNotApplicable: true,
      placeholder: 'user_actions',
      placement: 'line',
      heading: 'What you need to do',
    },
    {
      id: 'nextUpdateAtUtc',
      label: 'When is the next update?',
      help: 'A definite time, typed as "in 30 min" or "14:30". Herald reminds you before it is due: keep the promise.',
      valueKind: 'instant',
      appliesAt: [declared, update],
      requiredAt: [declared, update],
      allowsNotApplicable: false,
      placeholder: 'next_update',
      placement: 'line',
      heading: 'Next update',
    },
    {
      id: 'apology',
      label: 'Apology',
      help: 'Even when the cause is outside our control, saying sorry shows users we take the problem seriously.',
      valueKind: 'paragraph',
      appliesAt: 'all',
      requiredAt: [declared, resolved],
      allowsNotApplicable: true,
      defaultValue: DEFAULT_APOLOGY,
      placeholder: 'apology',
      placement: 'closing',
      isReusable: true,
    },
  ],
  derivedPlaceholders: [],
};
