// API handlers for the slack:* channels.
import { ok } from '../../../shared/api/index.ts';
import type { Handler } from '../api/router.ts';
import type { SlackConnection } from './slack-connection.ts';

export function slackHandlers(connection: SlackConnection): {
  'slack:status': Handler<'slack:status'>;
  'slack:connect': Handler<'slack:connect'>;
  'slack:disconnect': Handler<'slack:disconnect'>;
} {
  return {
    'slack:status': async () => ok(await connection.status()),
    'slack:connect': (request) => connection.connect(request),
    'slack:disconnect': () => connection.disconnect(),
  };
}
