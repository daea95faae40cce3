// The Slack OAuth scopes Herald's features need, and why, in words a comms
// lead can act on. Also the source for assets/slack-app-manifest.yml.

export interface ScopeNeed {
  scope: string;
  neededFor: string;
  /** Alternatives that satisfy the same need (e.g. a user token's broader scope). */
  satisfiedBy?: readonly string[];
}

export const requiredScopes: readonly ScopeNeed[] = [
  { scope: 'chat:write', neededFor: 'posting messages, thread replies and scheduled messages' },
  { scope: 'channels:read', neededFor: 'listing public channels so the plan’s channel names can be found' },
  { scope: 'groups:read', neededFor: 'listing private channels Herald has been invited to' },
  {
    scope: 'channels:history',
    neededFor: 'checking a channel before a retry so a message is never posted twice',
  },
  { scope: 'groups:history', neededFor: 'the same duplicate check in private channels' },
  {
    scope: 'users:read',
    neededFor: 'naming you as the lead in Settings, and showing who has comms for an incident',
  },
  {
    scope: 'files:write',
    neededFor:
      'attaching the calendar file (.ics) to a maintenance announcement, so readers add it in one click',
  },
];

/** The needs `granted` does not meet; none when the scopes are unknown (null: Slack did not report them). */
export function missingScopes(
  granted: readonly string[] | null,
): Array<{ scope: string; neededFor: string }> {
  if (granted === null) return [];
  const have = new Set(granted);
  return requiredScopes
    .filter((need) => !have.has(need.scope) && !(need.satisfiedBy ?? []).some((scope) => have.has(scope)))
    .map(({ scope, neededFor }) => ({ scope, neededFor }));
}
