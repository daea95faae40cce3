// The Web API methods the fake implements. Any other method answers
// `unknown_method`, as Slack does.
import { authTest } from './auth-test.ts';
import { chatDelete, chatGetPermalink, chatPostMessage, chatUpdate } from './chat.ts';
import { conversationsInfo, conversationsJoin, conversationsList } from './conversations.ts';
import { conversationsHistory, conversationsReplies } from './history.ts';
import { filesCompleteUploadExternal, filesDelete, filesGetUploadURLExternal, filesInfo } from './files.ts';
import type { MethodSpec } from './method-context.ts';
import { usersInfo, usersList } from './users.ts';
import { chatDeleteScheduledMessage, chatScheduledMessagesList, chatScheduleMessage } from './scheduled.ts';

export const methods: Readonly<Record<string, MethodSpec>> = {
  'auth.test': authTest,
  'conversations.list': conversationsList,
  'conversations.info': conversationsInfo,
  'conversations.join': conversationsJoin,
  'conversations.history': conversationsHistory,
  'conversations.replies': conversationsReplies,
  'chat.postMessage': chatPostMessage,
  'chat.update': chatUpdate,
  'chat.delete': chatDelete,
  'chat.getPermalink': chatGetPermalink,
  'chat.scheduleMessage': chatScheduleMessage,
  'chat.scheduledMessages.list': chatScheduledMessagesList,
  'chat.deleteScheduledMessage': chatDeleteScheduledMessage,
  'files.getUploadURLExternal': filesGetUploadURLExternal,
  'files.completeUploadExternal': filesCompleteUploadExternal,
  'files.info': filesInfo,
  'files.delete': filesDelete,
  'users.list': usersList,
  'users.info': usersInfo,
};

export function findMethod(name: string): MethodSpec | undefined {
  return Object.hasOwn(methods, name) ? methods[name] : undefined;
}

export type { MethodContext, MethodSpec } from './method-context.ts';
