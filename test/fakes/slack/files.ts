// Files, as the SDK's `filesUploadV2` uses them: files.getUploadURLExternal
// hands out a file id and an upload URL (served by this fake on 127.0.0.1,
// where Slack's is on files.slack.com), the client POSTs the bytes there (raw
// or multipart, as Slack accepts both), and files.completeUploadExternal
// shares the file. This module holds the upload endpoint and the file object
// as Slack renders it; the methods live in methods/files.ts.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Workspace } from './workspace.ts';
import type { StoredFile } from './types.ts';

/** Slack's documented ceiling for one file is 1 GB; a fake needs far less. */
const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

const MIME_TYPES: Readonly<Record<string, string>> = {
  ics: 'text/calendar',
  txt: 'text/plain',
  csv: 'text/csv',
  json: 'application/json',
  md: 'text/markdown',
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
};

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot === -1 ? '' : name.slice(dot + 1).toLowerCase();
}

/** A fresh upload ticket: the unguessable last segment of an upload URL. */
export function newUploadTicket(workspace: Workspace, fileId: string): string {
  const ticket = randomBytes(12).toString('hex');
  workspace.uploadTickets.set(ticket, fileId);
  return ticket;
}

/** The file object Slack returns (files.info, completeUploadExternal, a message's `files`). */
export function fileJson(workspace: Workspace, file: StoredFile): Record<string, unknown> {
  // A deleted file stays in its messages as a tombstone, as in Slack.
  if (file.isDeleted) return { id: file.id, mode: 'tombstone' };
  const extension = extensionOf(file.name);
  const channels = file.shares.map((share) => workspace.findChannel(share.channel));
  const sharesByChannel = (isPrivate: boolean) => {
    const shares: Record<string, unknown[]> = {};
    for (const share of file.shares) {
      const channel = workspace.findChannel(share.channel);
      if (!channel || channel.isPrivate !== isPrivate) continue;
      (shares[channel.id] ??= []).push({
        ts: share.ts,
        ...(share.thread_ts ? { thread_ts: share.thread_ts } : {}),
        channel_name: channel.name,
        team_id: workspace.team.id,
        share_user_id: file.user,
      });
    }
    return shares;
  };
  const privateUrl = `https://files.slack.com/files-pri/${workspace.team.id}-${file.id}/${encodeURIComponent(file.name)}`;
  return {
    id: file.id,
    created: file.created,
    timestamp: file.created,
    name: file.name,
    title: file.title,
    mimetype: MIME_TYPES[extension] ?? 'application/octet-stream',
    filetype: extension === '' ? 'binary' : extension,
    pretty_type: extension === '' ? 'Binary' : extension.toUpperCase(),
    user: file.user,
    user_team: workspace.team.id,
    editable: false,
    size: file.content?.length ?? file.length,
    mode: 'hosted',
    is_external: false,
    external_type: '',
    is_public: channels.some((channel) => channel !== undefined && !channel.isPrivate),
    public_url_shared: false,
    display_as_bot: false,
    username: '',
    url_private: privateUrl,
    url_private_download: privateUrl.replace(`${file.id}/`, `${file.id}/download/`),
    permalink: `${workspace.url}files/${file.user}/${file.id}/${encodeURIComponent(file.name)}`,
    ...(file.alt_txt === undefined ? {} : { alt_txt: file.alt_txt }),
    comments_count: 0,
    is_starred: false,
    shares: { public: sharesByChannel(false), private: sharesByChannel(true) },
    channels: [...new Set(channels.filter((c) => c && !c.isPrivate).map((c) => c!.id))],
    groups: [...new Set(channels.filter((c) => c?.isPrivate).map((c) => c!.id))],
    ims: [],
    has_rich_preview: false,
    file_access: 'visible',
  };
}

async function readUpload(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_UPLOAD_BYTES) return undefined;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** The file's bytes from a raw body, or from the first file part of a multipart form (what WebClient sends). */
async function uploadedBytes(body: Buffer, contentType: string | undefined): Promise<Buffer | undefined> {
  const mediaType = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'multipart/form-data') return body;
  try {
    const form = await new Response(new Uint8Array(body), {
      headers: { 'content-type': contentType ?? '' },
    }).formData();
    for (const value of form.values()) {
      if (typeof value !== 'string') return Buffer.from(await value.arrayBuffer());
    }
    return undefined;
  } catch {
    return undefined;
  }
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

/**
 * POST /upload/v1/<ticket>: stores the bytes for the ticket's file. Slack
 * answers 200 on success and documents any other status as a failure; the
 * fake refuses (400) bytes whose size differs from the `length` announced to
 * files.getUploadURLExternal, an empty form, or a second upload for a file
 * already completed, and answers 404 for a ticket it never issued.
 */
export async function handleUpload(
  workspace: Workspace,
  req: IncomingMessage,
  res: ServerResponse,
  ticket: string,
): Promise<void> {
  if (req.method !== 'POST') {
    sendText(res, 405, 'use POST');
    return;
  }
  const body = await readUpload(req);
  if (body === undefined) {
    sendText(res, 413, 'file too large');
    return;
  }
  const file = workspace.files.get(workspace.uploadTickets.get(ticket) ?? '');
  if (!file) {
    sendText(res, 404, 'upload not found');
    return;
  }
  if (file.isCompleted) {
    sendText(res, 400, 'upload already completed');
    return;
  }
  const bytes = await uploadedBytes(body, req.headers['content-type']);
  if (bytes === undefined) {
    sendText(res, 400, 'no file in the form');
    return;
  }
  if (bytes.length !== file.length) {
    sendText(res, 400, `size mismatch: announced ${file.length} bytes, received ${bytes.length}`);
    return;
  }
  file.content = bytes;
  sendText(res, 200, `OK - ${bytes.length}`);
}
