// Imported first by start.ts, for its effect only: the bootstrap request
// leaves as the page's first act (bootstrap-request.ts). Listeners for the
// events that follow it are added later in the same task (bootstrap.ts,
// follow), before any event can be delivered.
import { requestBootstrap } from './bootstrap-request.ts';

void requestBootstrap();
