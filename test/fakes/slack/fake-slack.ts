// The fake Slack server: workspace state, the Web API under /api/, the
// control API under /_fake/, and the in-process handle tests drive it with.
// Binds to 127.0.0.1 only.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { handleApiRequest, type ApiDeps } from './api-handler.ts';
import { handleControlRequest } from './control-api.ts';
import { handleUpload } from './files.ts';
import { FaultBook, RateLimiter } from './faults.ts';
import { TierLimiter } from './rate-limits.ts';
import { sendJson } from './http-reply.ts';
import { copyMessage, postMessage } from './posting.ts';
import { deliverDueMessages } from './scheduled-delivery.ts';
import { buildWorkspaceSeed } from './seed.ts';
import { TsClock } from './ts-clock.ts';
import { Workspace } from './workspace.ts';
import type {
  DeliveryReport,
  FakeSlack,
  Fault,
  FaultHandle,
  FaultOptions,
  FakeSlackOptions,
  NewChannel,
  PostedMessage,
  RateLimitMode,
  RequestRecord,
  ScheduledMessage,
  SeedMessage,
  StoredFile,
  TeamSeed,
} from './types.ts';

export type { FakeSlack, SeedMessage } from './types.ts';

class FakeSlackServer implements FakeSlack {
  readonly workspace: Workspace;
  private readonly clock: TsClock;
  private readonly faults = new FaultBook();
  private readonly rateLimiter = new RateLimiter();
  private readonly tierLimiter: TierLimiter;
  private readonly initialRateLimitMode: RateLimitMode;
  private requestLog: RequestRecord[] = [];
  private isOffline = false;
  private isClosed = false;
  private readonly sockets = new Set<Socket>();
  private readonly sleepers = new Set<{ timer: NodeJS.Timeout; resolve: (isOpen: boolean) => void }>();
  private readonly server: Server;
  private readonly omitScopesHeader: boolean;
  port = 0;

  constructor(options: FakeSlackOptions) {
    this.workspace = new Workspace(buildWorkspaceSeed(options));
    this.clock = new TsClock(options.nowMs ?? Date.now);
    this.initialRateLimitMode = options.rateLimits ?? 'off';
    this.tierLimiter = new TierLimiter(this.initialRateLimitMode);
    this.omitScopesHeader = options.omitScopesHeader === true;
    this.server = createServer((req, res) => void this.route(req, res));
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  async listen(port: number): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.address() as AddressInfo).port;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  get controlUrl(): string {
    return `http://127.0.0.1:${this.port}/_fake/`;
  }

  get team(): TeamSeed {
    return { ...this.workspace.team };
  }

  get botToken(): string {
    return [...this.workspace.tokens.values()].find((token) => token.kind === 'bot')?.token ?? '';
  }

  get userToken(): string | undefined {
    return [...this.workspace.tokens.values()].find((token) => token.kind === 'user')?.token;
  }

  get requests(): RequestRecord[] {
    return structuredClone(this.requestLog);
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const [, zone = '', name = '', ...rest] = url.pathname.split('/');
    if (zone === 'upload' && name === 'v1' && rest.length === 1 && !this.isOffline) {
      await handleUpload(this.workspace, req, res, rest[0] ?? '');
    } else if (zone === 'api' && name !== '' && rest.length === 0) {
      await handleApiRequest(this.apiDeps(), req, res, decodeURIComponent(name), url);
    } else if (zone === '_fake' && name !== '' && rest.length === 0) {
      await handleControlRequest(this, req, res, name, url);
    } else if (this.isOffline && zone !== '_fake') {
      req.socket.destroy();
    } else {
      sendJson(res, 404, { ok: false, error: 'not_found' });
    }
  }

  private apiDeps(): ApiDeps {
    return {
      workspace: this.workspace,
      clock: this.clock,
      faults: this.faults,
      rateLimiter: this.rateLimiter,
      tierLimiter: this.tierLimiter,
      requests: this.requestLog,
      origin: `http://127.0.0.1:${this.port}`,
      isOffline: () => this.isOffline,
      omitScopesHeader: this.omitScopesHeader,
      sleep: (ms) => this.sleep(ms),
    };
  }

  private sleep(ms: number): Promise<boolean> {
    if (this.isClosed) return Promise.resolve(false);
    return new Promise((resolve) => {
      const sleeper = {
        timer: setTimeout(() => {
          this.sleepers.delete(sleeper);
          resolve(true);
        }, ms),
        resolve,
      };
      this.sleepers.add(sleeper);
    });
  }

  private requireChannel(channelIdOrName: string) {
    const channel = this.workspace.findChannel(channelIdOrName);
    if (!channel) throw new Error(`Fake Slack: no channel ${channelIdOrName}`);
    return channel;
  }

  messages(channelIdOrName?: string): PostedMessage[] {
    const list =
      channelIdOrName === undefined
        ? this.workspace.allMessages()
        : this.workspace.channelMessages(this.requireChannel(channelIdOrName).id);
    return list.map(copyMessage);
  }

  scheduled(): ScheduledMessage[] {
    return structuredClone([...this.workspace.scheduled].sort((a, b) => a.post_at - b.post_at));
  }

  files(): StoredFile[] {
    return [...this.workspace.files.values()].map(({ content, ...file }) => ({
      ...structuredClone(file),
      ...(content ? { content: Buffer.from(content) } : {}),
    }));
  }

  deliverScheduled(nowEpochSec?: number): DeliveryReport {
    return deliverDueMessages(this.workspace, this.clock, nowEpochSec ?? this.clock.nowSec());
  }

  inject(method: string, fault: Fault, options?: FaultOptions): FaultHandle {
    return this.faults.inject(method, fault, options);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  setRateLimit(method: string, limit: { perMinute: number } | null): void {
    this.rateLimiter.set(method, limit === null ? null : limit.perMinute);
  }

  setRateLimitMode(mode: RateLimitMode): void {
    this.tierLimiter.setMode(mode);
  }

  get rateLimitMode(): RateLimitMode {
    return this.tierLimiter.mode;
  }

  /** `spareSocket` keeps the control request that asked for this able to answer. */
  setOffline(isOffline: boolean, spareSocket?: Socket): void {
    this.isOffline = isOffline;
    if (!isOffline) return;
    for (const socket of this.sockets) if (socket !== spareSocket) socket.destroy();
  }

  revokeToken(token: string, error = 'invalid_auth'): void {
    const known = this.workspace.tokens.get(token);
    if (!known) throw new Error('Fake Slack: revokeToken was given a token the workspace does not have');
    known.revokedError = error;
  }

  addChannel(channel: NewChannel): { id: string; name: string } {
    const added = this.workspace.addChannel(channel, this.clock.nowSec());
    return { id: added.id, name: added.name };
  }

  setMember(channelIdOrName: string, isMember: boolean, userId = this.workspace.defaultBotUserId): void {
    const channel = this.requireChannel(channelIdOrName);
    if (isMember) channel.memberIds.add(userId);
    else channel.memberIds.delete(userId);
  }

  addMessage(channelIdOrName: string, message: SeedMessage): PostedMessage {
    const channel = this.requireChannel(channelIdOrName);
    const users = [...this.workspace.users.values()];
    const author =
      message.user === undefined
        ? users.find((user) => user.botId === undefined)
        : this.workspace.users.get(message.user);
    if (!author) throw new Error(`Fake Slack: no user ${message.user ?? '(human)'}`);
    const posted = postMessage(this.workspace, this.clock, {
      channelId: channel.id,
      author,
      content: {
        text: message.text,
        ...(message.blocks ? { blocks: message.blocks } : {}),
        ...(message.metadata ? { metadata: message.metadata } : {}),
      },
      ...(message.thread_ts === undefined ? {} : { threadTs: message.thread_ts }),
      replyBroadcast: message.reply_broadcast ?? false,
    });
    return copyMessage(posted);
  }

  setNowMs(nowMs: number | null): void {
    this.clock.setNowMs(nowMs);
  }

  reset(): void {
    this.workspace.reset();
    this.requestLog.length = 0;
    this.faults.clear();
    this.rateLimiter.clear();
    this.tierLimiter.setMode(this.initialRateLimitMode);
    this.isOffline = false;
  }

  async close(): Promise<void> {
    if (this.isClosed) return;
    this.isClosed = true;
    for (const sleeper of this.sleepers) {
      clearTimeout(sleeper.timer);
      sleeper.resolve(false);
    }
    this.sleepers.clear();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }
}

export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const fake = new FakeSlackServer(options);
  await fake.listen(options.port ?? 0);
  return fake;
}
