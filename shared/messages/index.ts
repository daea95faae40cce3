// The message engine: checklists, drafts, titles, templates, Slack
// rendering and lint. Main's door (it carries the schemas, and so zod): the
// renderer imports the modules it needs directly.
export * from './checklists/index.ts';
export * from './draft.ts';
export { draftSchema } from './draft-schema.ts';
export { templateSchema } from './template-schema.ts';
export * from './draft-edits.ts';
export {
  fillTemplate,
  parseTemplate,
  placeholdersIn,
  escapeTemplateText,
  type FillResult,
  type TemplateSegment,
} from './template-text.ts';
export {
  formatAnswer,
  placeholderValues,
  type PlaceholderFormat,
  type PlaceholderOptions,
} from './placeholders.ts';
export * from './titles.ts';
export { messageParts, type MessageParts } from './message-parts.ts';
export { renderBlocks, renderMrkdwn, type RenderOptions } from './render.ts';
export * from './lint.ts';
export { lintDraft } from './lint-input.ts';
export {
  applyTemplate,
  defaultTemplates,
  templateFromDraft,
  templatesFor,
  unknownPlaceholders,
  type Template,
} from './templates.ts';
