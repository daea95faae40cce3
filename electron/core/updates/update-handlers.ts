// API handlers for the updates:* channels and the renderer's unsaved-work report.
import { ok } from '../../../shared/api/index.ts';
import type { Handler } from '../api/router.ts';
import type { UnsavedWork } from './restart-blocker.ts';
import type { UpdateController } from './update-controller.ts';

export function updateHandlers(
  updates: UpdateController,
  unsavedWork: UnsavedWork,
): {
  'updates:status': Handler<'updates:status'>;
  'updates:check': Handler<'updates:check'>;
  'updates:download': Handler<'updates:download'>;
  'updates:restart': Handler<'updates:restart'>;
  'app:reportUnsavedWork': Handler<'app:reportUnsavedWork'>;
} {
  return {
    'updates:status': () => Promise.resolve(ok(updates.status())),
    'updates:check': async () => ok(await updates.check({ waitForDownload: false })),
    'updates:download': async () => ok(await updates.download({ waitForDownload: false })),
    'updates:restart': () => Promise.resolve(updates.restart()),
    'app:reportUnsavedWork': ({ hasUnsavedDraft }) => {
      unsavedWork.report(hasUnsavedDraft);
      return Promise.resolve(ok({}));
    },
  };
}
