// The default workspace the fake Slack starts with: the Ministry of Justice
// team, Herald's bot user and token, two comms leads with user tokens, an
// engineer, a deactivated account and Slackbot, the
// channels the communications plan names, and generic filler channels so that
// cursor paging is exercised with Slack's default page size.
import type { ChannelSeed, FakeSlackOptions, TeamSeed, TokenSeed, UserSeed } from './types.ts';
import type { WorkspaceSeed } from './workspace.ts';

export const DEFAULT_BOT_TOKEN = 'xoxb-fake-bot-token-0001';
export const DEFAULT_USER_TOKEN = 'xoxp-fake-user-token-0001';
export const DEFAULT_BOT_SCOPES = [
  'chat:write',
  'channels:read',
  'groups:read',
  'channels:history',
  'groups:history',
  'chat:write.public',
  'files:write',
  'files:read',
  'users:read',
] as const;
export const DEFAULT_USER_SCOPES = [
  'chat:write',
  'channels:read',
  'groups:read',
  'channels:history',
  'groups:history',
  'channels:write',
  'files:write',
  'files:read',
  'users:read',
] as const;

export const DEFAULT_TEAM: TeamSeed = {
  id: 'T0HERALD',
  name: 'Ministry of Justice',
  domain: 'ministryofjustice',
};

export const BOT_USER: UserSeed = {
  id: 'U0HERALDBOT',
  name: 'herald',
  realName: 'Herald',
  botId: 'B0HERALD',
  appId: 'A0HERALD',
};
export const HUMAN_USER: UserSeed = {
  id: 'U0COMMSLEAD',
  name: 'comms.lead',
  realName: 'Comms Lead',
  displayName: 'Comms Lead',
};
/** A second comms lead, with a user token of their own, for hand-over and several-Heralds tests. */
export const SECOND_LEAD: UserSeed = {
  id: 'U0COMMSLD2',
  name: 'priya.shah',
  realName: 'Priya Shah',
  displayName: 'Priya (comms)',
};
/** An engineer who is not a lead, with an empty display name as many Slack profiles have. */
export const ENGINEER: UserSeed = { id: 'U0ENGINEER', name: 'sam.okafor', realName: 'Sam Okafor' };
/** A deactivated account: users.list still lists it, with `deleted: true`. */
export const FORMER_LEAD: UserSeed = {
  id: 'U0FORMERLD',
  name: 'alex.former',
  realName: 'Alex Former',
  displayName: 'Alex',
  isDeleted: true,
};
/** Slack lists Slackbot among the users, with `is_bot: false`. */
export const SLACKBOT: UserSeed = {
  id: 'USLACKBOT',
  name: 'slackbot',
  realName: 'Slackbot',
  isSlackbot: true,
};
export const SECOND_LEAD_USER_TOKEN = 'xoxp-fake-user-token-0002';

export const DEFAULT_TOTAL_CHANNELS = 250;
const CREATED_SEC = 1_600_000_000;

function channel(
  id: string,
  name: string,
  memberIds: string[],
  extra: Partial<ChannelSeed> = {},
): ChannelSeed {
  return { id, name, memberIds, createdSec: CREATED_SEC, ...extra };
}

const leads = [HUMAN_USER.id, SECOND_LEAD.id];
const both = [BOT_USER.id, ...leads];
const humanOnly = [HUMAN_USER.id];

/** The named channels: some the bot has joined, some it has not, one private, one archived. */
export function defaultNamedChannels(): ChannelSeed[] {
  return [
    channel('C0GENERAL', 'general', humanOnly, { isGeneral: true, purpose: 'Workspace-wide announcements' }),
    channel('C0OPSENGUPD', 'operations-engineering-update', both, {
      purpose: 'Updates from Operations Engineering',
    }),
    channel('C0GHCOMMUNITY', 'github-community', both, { purpose: 'GitHub users across the organisation' }),
    channel('C0ASKCLOUDP', 'ask-cloud-platform', humanOnly, { purpose: 'Questions for Cloud Platform' }),
    channel('C0ASKCOMMS', 'ask-comms', both),
    channel('C0CHAT', 'chat', humanOnly, { purpose: 'Sharing successes and chat' }),
    channel('G0OPSENGTEAM', 'operations-engineering-team', both, { isPrivate: true }),
    channel('G0OPSENGLEADS', 'operations-engineering-leads', leads, { isPrivate: true }),
    channel('C0OPSENGOLD', 'operations-engineering-old-news', both, { isArchived: true }),
  ];
}

/** Filler channels `team-channel-001`… until the workspace has `totalChannels`. */
export function genericChannels(existingCount: number, totalChannels: number): ChannelSeed[] {
  const fillers: ChannelSeed[] = [];
  for (let n = 1; existingCount + fillers.length < totalChannels; n += 1) {
    const number = String(n).padStart(3, '0');
    // Every third filler has the bot as a member, so membership varies across pages.
    const memberIds = n % 3 === 0 ? both : humanOnly;
    fillers.push(channel(`C0FILL${number}`, `team-channel-${number}`, memberIds));
  }
  return fillers;
}

export function defaultTokens(botScopes: readonly string[] = DEFAULT_BOT_SCOPES): TokenSeed[] {
  return [
    { token: DEFAULT_BOT_TOKEN, kind: 'bot', userId: BOT_USER.id, scopes: botScopes, appId: BOT_USER.appId },
    {
      token: DEFAULT_USER_TOKEN,
      kind: 'user',
      userId: HUMAN_USER.id,
      scopes: DEFAULT_USER_SCOPES,
      appId: BOT_USER.appId,
    },
    {
      token: SECOND_LEAD_USER_TOKEN,
      kind: 'user',
      userId: SECOND_LEAD.id,
      scopes: DEFAULT_USER_SCOPES,
      appId: BOT_USER.appId,
    },
  ];
}

/** The seed a workspace starts from (and returns to on reset), from the fake's options. */
export function buildWorkspaceSeed(options: FakeSlackOptions): WorkspaceSeed {
  const named = options.channels ?? defaultNamedChannels();
  const totalChannels = options.totalChannels ?? DEFAULT_TOTAL_CHANNELS;
  return {
    team: { ...DEFAULT_TEAM, ...options.team },
    // The first human is the default author of `addMessage`; Slackbot comes last.
    users: options.users ?? [BOT_USER, HUMAN_USER, SECOND_LEAD, ENGINEER, FORMER_LEAD, SLACKBOT],
    tokens: options.tokens ?? defaultTokens(options.botScopes),
    channels: [...named, ...genericChannels(named.length, totalChannels)],
  };
}
