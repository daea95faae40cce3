// files.getUploadURLExternal, files.completeUploadExternal, files.info and
// files.delete: the upload flow of the SDK's `filesUploadV2` (see files.ts for
// the upload endpoint in between). Sharing a file posts a message carrying it
// into the channel, or into the thread when `thread_ts` is given, as Slack does.
import { isMember, requireScope, visibleChannel } from '../access.ts';
import { jsonArg, stringArg } from '../args.ts';
import { blockProblems } from '../blocks.ts';
import { fileJson, newUploadTicket } from '../files.ts';
import { postMessage } from '../posting.ts';
import { SlackError } from '../slack-error.ts';
import type { StoredFile } from '../types.ts';
import { readThreadTs } from './chat.ts';
import type { MethodContext, MethodSpec } from './method-context.ts';

/** files.getUploadURLExternal: alt_txt longer than this answers alt_txt_too_large. */
const MAX_ALT_TXT_CHARS = 1000;
/** Snippets are limited to 1 MB (snippet_too_large). */
const MAX_SNIPPET_BYTES = 1024 * 1024;
/** Slack's ceiling for one file: 1 GB (file_upload_size_restricted beyond, as a team limit would). */
const MAX_FILE_BYTES = 1024 * 1024 * 1024;

export const filesGetUploadURLExternal: MethodSpec = {
  acceptedScopes: ['files:write'],
  handler: ({ workspace, clock, caller, args, origin }) => {
    requireScope(caller, 'files:write');
    const filename = stringArg(args, 'filename');
    const lengthText = stringArg(args, 'length');
    if (filename === undefined || filename.trim() === '' || lengthText === undefined || lengthText === '')
      throw new SlackError('invalid_arguments');
    const length = Number(lengthText);
    if (!Number.isInteger(length) || length < 0) throw new SlackError('invalid_arguments');
    // Slack documents missing_argument for this case: "typically ... when the length provided is 0".
    if (length === 0) throw new SlackError('missing_argument');
    if (length > MAX_FILE_BYTES) throw new SlackError('file_upload_size_restricted');
    // Slack's argument is alt_txt (the SDK sends alt_text, which Slack ignores as an unknown argument).
    const altTxt = stringArg(args, 'alt_txt');
    if (altTxt !== undefined && altTxt.length > MAX_ALT_TXT_CHARS) throw new SlackError('alt_txt_too_large');
    const snippetType = stringArg(args, 'snippet_type');
    if (snippetType !== undefined && snippetType !== '' && length > MAX_SNIPPET_BYTES)
      throw new SlackError('snippet_too_large');
    const file: StoredFile = {
      id: workspace.nextFileId(),
      name: filename,
      title: filename,
      length,
      ...(altTxt === undefined || altTxt === '' ? {} : { alt_txt: altTxt }),
      ...(snippetType === undefined || snippetType === '' ? {} : { snippet_type: snippetType }),
      user: caller.user.id,
      created: clock.nowSec(),
      isCompleted: false,
      isDeleted: false,
      shares: [],
    };
    workspace.files.set(file.id, file);
    const ticket = newUploadTicket(workspace, file.id);
    return { upload_url: `${origin}/upload/v1/${ticket}`, file_id: file.id };
  },
};

interface FileRef {
  id: string;
  title?: string;
}

function readFileRefs(context: MethodContext): FileRef[] {
  const files = jsonArg(context.args, 'files', 'invalid_arguments');
  if (!Array.isArray(files) || files.length === 0) throw new SlackError('invalid_arguments');
  return files.map((entry: unknown) => {
    const ref = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    if (typeof ref.id !== 'string' || ref.id === '') throw new SlackError('invalid_arguments');
    return { id: ref.id, ...(typeof ref.title === 'string' && ref.title !== '' ? { title: ref.title } : {}) };
  });
}

/** Where the files go: channel_id, or `channels` when it names exactly one channel (the SDK's v2 rule). */
function readDestination(context: MethodContext) {
  const { args } = context;
  const channelId = stringArg(args, 'channel_id');
  const channels = stringArg(args, 'channels');
  const ref = channelId !== undefined && channelId !== '' ? channelId : channels;
  if (ref === undefined || ref === '') return undefined;
  if (ref.split(',').length > 1) throw new SlackError('invalid_arguments');
  const channel = visibleChannel(context.workspace, context.caller, { channel: ref });
  if (channel.isArchived) throw new SlackError('is_archived');
  // Sharing a file needs membership, even for a bot with chat:write.public.
  if (!isMember(context.caller, channel)) throw new SlackError('not_in_channel');
  return channel;
}

export const filesCompleteUploadExternal: MethodSpec = {
  acceptedScopes: ['files:write'],
  handler: (context) => {
    const { workspace, clock, caller, args } = context;
    requireScope(caller, 'files:write');
    const refs = readFileRefs(context);
    const files = refs.map((ref) => {
      const file = workspace.files.get(ref.id);
      // Never uploaded (or already completed): Slack cannot find the file from the upload ticket.
      if (!file || file.isDeleted || file.isCompleted || file.content === undefined)
        throw new SlackError('file_not_found');
      if (file.user !== caller.user.id) throw new SlackError('access_denied');
      return file;
    });
    const channel = readDestination(context);
    const threadTs = readThreadTs(context);
    const initialComment = stringArg(args, 'initial_comment') ?? '';
    let blocks: unknown[] | undefined;
    // Slack ignores blocks when initial_comment is given.
    if (initialComment === '') {
      const parsed = jsonArg(args, 'blocks', 'invalid_blocks');
      if (parsed !== undefined && parsed !== null) {
        if (blockProblems(parsed).length > 0) throw new SlackError('invalid_blocks');
        blocks = parsed as unknown[];
      }
    }
    refs.forEach((ref, index) => {
      const file = files[index]!;
      file.isCompleted = true;
      if (ref.title) file.title = ref.title;
    });
    if (channel) {
      const posted = postMessage(workspace, clock, {
        channelId: channel.id,
        author: caller.user,
        content: { text: initialComment, ...(blocks && blocks.length > 0 ? { blocks } : {}) },
        ...(threadTs === undefined ? {} : { threadTs }),
        fileIds: files.map((file) => file.id),
      });
      for (const file of files) {
        file.shares.push({
          channel: channel.id,
          ts: posted.ts,
          ...(posted.thread_ts === undefined || posted.thread_ts === posted.ts
            ? {}
            : { thread_ts: posted.thread_ts }),
        });
      }
    }
    return { files: files.map((file) => fileJson(workspace, file)) };
  },
};

/** The file named by `file`, if the caller may see it: their own, or shared where they are a member. */
function visibleFile(context: MethodContext): StoredFile {
  const { workspace, caller } = context;
  const id = stringArg(context.args, 'file');
  const file = id === undefined || id === '' ? undefined : workspace.files.get(id);
  if (!file || !file.isCompleted) throw new SlackError('file_not_found');
  const canSee =
    file.user === caller.user.id ||
    file.shares.some((share) => {
      const channel = workspace.findChannel(share.channel);
      return (
        channel !== undefined &&
        (isMember(caller, channel) || (!channel.isPrivate && caller.token.kind === 'user'))
      );
    });
  if (!canSee) throw new SlackError('file_not_found');
  if (file.isDeleted) throw new SlackError('file_deleted');
  return file;
}

export const filesInfo: MethodSpec = {
  acceptedScopes: ['files:read'],
  handler: (context) => {
    requireScope(context.caller, 'files:read');
    const file = visibleFile(context);
    return {
      file: fileJson(context.workspace, file),
      comments: [],
      response_metadata: { next_cursor: '' },
    };
  },
};

export const filesDelete: MethodSpec = {
  acceptedScopes: ['files:write'],
  handler: (context) => {
    requireScope(context.caller, 'files:write');
    const file = visibleFile(context);
    if (file.user !== context.caller.user.id) throw new SlackError('cant_delete_file');
    file.isDeleted = true;
    delete file.content;
    return {};
  },
};
