// The renderer's only door to Herald's services. In Electron the preload
// has put window.herald in place; in a plain browser (the harness) we
// install the HTTP client under the same name and shape.
import type { HeraldApi } from '../../shared/api/index.ts';
import { createHarnessClient } from './harness-client.ts';

declare global {
  interface Window {
    herald?: HeraldApi;
  }
}

let api: HeraldApi | undefined;

export function herald(): HeraldApi {
  api ??= window.herald ?? createHarnessClient();
  return api;
}
