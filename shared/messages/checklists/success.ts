// A success worth sharing: with the CTO each week, in the fortnightly
// weeknotes, or with the whole department in #chat.
import { SINGLE_STAGE, type ChecklistDefinition } from './types.ts';

export const successChecklist: ChecklistDefinition = {
  kind: 'success',
  name: 'Success',
  stages: [SINGLE_STAGE],
  items: [
    {
      id: 'achievement',
      label: 'What did we achieve?',
      help: 'One line that would make sense to someone outside the team. It goes in the title.',
      valueKind: 'text',
      appliesAt: 'all',
      requiredAt: 'all',
      allowsNotApplicable: false,
      placeholder: 'achievement',
      placement: 'title',
    },
    {
      id: 'impact',
      label: 'What difference does it make?',
      help: 'Who benefits, and numbers where you have them (time saved, costs cut, incidents avoided).',
      valueKind: 'paragraph',
      appliesAt: 'all',
      requiredAt: 'all',
      allowsNotApplicable: false,
      placeholder: 'impact',
      placement: 'line',
      heading: 'Why it matters',
    },
    {
      id: 'credit',
      label: 'Who should be thanked?',
      help: 'Names or teams, including people outside ours who helped.',
      valueKind: 'text',
      appliesAt: 'all',
      requiredAt: [],
      allowsNotApplicable: true,
      placeholder: 'credit',
      placement: 'line',
      heading: 'Thanks to',
    },
    {
      id: 'link',
      label: 'Link',
      help: 'Optional: a demo, a dashboard or the write-up.',
      valueKind: 'url',
      appliesAt: 'all',
      requiredAt: [],
      allowsNotApplicable: true,
      placeholder: 'link',
      placement: 'line',
      heading: 'More',
    },
  ],
  derivedPlaceholders: [],
};
