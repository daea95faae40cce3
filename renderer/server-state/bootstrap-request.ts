// The one app:bootstrap request of a page, sent once. Light on purpose (it
// imports nothing but the API door): start.ts imports early-bootstrap.ts
// first, so the request leaves before the rest of the entry's modules — the
// stores, React's core — are evaluated, and the answer is on its way while
// they are. bootstrap.ts reads the same request.
import type { Bootstrap } from '../../shared/api/channels/app.ts';
import type { Result } from '../../shared/api/result.ts';
import { herald } from '../api/herald.ts';

let request: Promise<Result<Bootstrap>> | null = null;

/** The page's bootstrap request: sent on the first call, the same promise after. */
export function requestBootstrap(): Promise<Result<Bootstrap>> {
  request ??= herald().invoke('app:bootstrap', {});
  return request;
}
