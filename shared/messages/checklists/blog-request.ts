// Asking the communications team to publish something for the wider
// Ministry of Justice or the public on the department's blog.
import { SINGLE_STAGE, type ChecklistDefinition } from './types.ts';

export const blogRequestChecklist: ChecklistDefinition = {
  kind: 'blog_request',
  name: 'Blog request',
  stages: [SINGLE_STAGE],
  items: [
    {
      id: 'topic',
      label: 'What would the post be about?',
      help: 'A working title is enough. It goes in the title of the request.',
      valueKind: 'text',
      appliesAt: 'all',
      requiredAt: 'all',
      allowsNotApplicable: false,
      placeholder: 'topic',
      placement: 'title',
    },
    {
      id: 'audience',
      label: 'Who is it for?',
      help: 'Colleagues across the department, other government teams, or the public.',
      valueKind: 'text',
      appliesAt: 'all',
      requiredAt: 'all',
      allowsNotApplicable: false,
      placeholder: 'audience',
      placement: 'line',
      heading: 'Audience',
    },
    {
      id: 'summary',
      label: 'Outline',
      help: 'The main points in a few sentences, and why now is a good time.',
      valueKind: 'paragraph',
      appliesAt: 'all',
      requiredAt: 'all',
      allowsNotApplicable: false,
      placeholder: 'summary',
      placement: 'line',
      heading: 'Outline',
    },
    {
      id: 'author',
      label: 'Who will write it?',
      help: 'The person the communications team should talk to.',
      valueKind: 'text',
      appliesAt: 'all',
      requiredAt: [],
      allowsNotApplicable: true,
      placeholder: 'author',
      placement: 'line',
      heading: 'Author',
    },
  ],
  derivedPlaceholders: [],
};
