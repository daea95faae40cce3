// auth.test: who the token belongs to. Needs no scope; bot tokens also get
// `bot_id`, which is how clients tell a bot token from a user token.
import type { MethodSpec } from './method-context.ts';

export const authTest: MethodSpec = {
  acceptedScopes: [],
  handler: ({ workspace, caller }) => ({
    url: workspace.url,
    team: workspace.team.name,
    user: caller.user.name,
    team_id: workspace.team.id,
    user_id: caller.user.id,
    ...(caller.token.kind === 'bot' && caller.user.botId ? { bot_id: caller.user.botId } : {}),
    is_enterprise_install: false,
  }),
};
