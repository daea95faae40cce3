// The message engine: checklists, drafts, titles, templates, Slack
// rendering and lint.
export * from './checklists/index.ts';
export * from './draft.ts';
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
export {
  applyTemplate,
  defaultTemplates,
  templateFromDraft,
  templateSchema,
  templatesFor,
  unknownPlaceholders,
  type Template,
} from './templates.ts';
