// Whether the open draft replies in an incident's thread: it names the
// thread already, or it was drafted from an incident whose declaration may
// still be on its way (the outbox threads it once that is sent).
import type { DraftOrigin } from '../../../shared/drafts/stored-draft.ts';
import type { Draft } from '../../../shared/messages/draft-schema.ts';

export function isThreadReply(
  draft: Pick<Draft, 'threadTs' | 'stage'>,
  originKind: DraftOrigin['kind'] | undefined,
): boolean {
  return draft.threadTs !== undefined || (originKind === 'incident' && draft.stage !== 'declared');
}
