// Killing Herald mid-send (a real SIGKILL of a child process) and starting it
// again on the same data folder sends every acknowledged message exactly once.
// A small proxy between the child and the fake Slack decides the moment of
// the kill: as the Nth post arrives (nothing posted), or as its answer comes
// back (posted, but the child never learns).
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../../../../fakes/slack-server.ts';
import { makeDataDir } from '../../../../support/core-fixture.ts';
import { heraldIdOf } from './outbox-fixture.ts';

const CHANNELS = ['operations-engineering-update', 'github-community', 'ask-comms'];
const CHILD_SCRIPT = 'test/support/outbox-child.ts';

interface ChildRun {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function runChild(args: string[]): ChildRun {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD_SCRIPT, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  cleanups.push(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  return { child, output: () => output, exited };
}

/**
 * Forwards the Web API to the fake; on the `killAt`-th call of `method` (chat.postMessage unless given) it SIGKILLs the child,
 * either as the request arrives (`before`: it never reaches Slack) or as the answer comes back
 * (`after`: posted, but the answer never reaches the child).
 */
async function startKillingProxy(
  fake: FakeSlack,
  killAt: number,
  moment: 'before' | 'after',
  victim: () => ChildProcess | undefined,
  method = 'chat.postMessage',
): Promise<{ url: string; server: Server }> {
  let posts = 0;
  const upstream = new URL(fake.url);
  const server = createServer((req, res) => {
    const isPost = req.url?.endsWith(`/${method}`) ?? false;
    const isFatal = isPost && ++posts === killAt;
    if (isFatal && moment === 'before') {
      victim()?.kill('SIGKILL');
      req.socket.destroy();
      return;
    }
    const forward = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        path: req.url,
        method: req.method,
        headers: req.headers,
      },
      (answer) => {
        if (isFatal) {
          victim()?.kill('SIGKILL');
          answer.resume();
          req.socket.destroy();
          return;
        }
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => req.socket.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  server.on('connection', (socket) => cleanups.push(() => void socket.destroy()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`, server };
}

function enqueuedIds(output: string): Map<string, string[]> {
  const byChannel = new Map<string, string[]>(CHANNELS.map((channel) => [channel, []]));
  for (const match of output.matchAll(/^ENQUEUED \d+ (\S+) (\S+)$/gm))
    byChannel.get(match[2]!)?.push(match[1]!);
  return byChannel;
}

async function crashAndRestart(moment: 'before' | 'after') {
  const fake = await startFakeSlack();
  cleanups.push(() => fake.close());
  const dataDir = makeDataDir('herald-crash-');
  const running: { first?: ChildRun } = {};
  const proxy = await startKillingProxy(fake, 7, moment, () => running.first?.child);

  const first = runChild([
    '--data-dir',
    dataDir,
    '--slack-api-url',
    proxy.url,
    '--token',
    fake.botToken,
    '--enqueue',
    '30',
    '--channels',
    CHANNELS.join(','),
  ]);
  running.first = first;
  await first.exited;
  expect(first.child.signalCode).toBe('SIGKILL');
  const ids = enqueuedIds(first.output());
  expect([...ids.values()].flat()).toHaveLength(30);
  const postedBeforeRestart = fake.messages().length;
  expect(postedBeforeRestart).toBeGreaterThanOrEqual(moment === 'after' ? 7 : 6);
  expect(postedBeforeRestart).toBeLessThan(30);

  // The same address: the token is bound to the one it was entered for (the proxy forwards plainly from now on).
  const second = runChild(['--data-dir', dataDir, '--slack-api-url', proxy.url]);
  expect(await second.exited).toBe(0);
  expect(second.output()).toContain('IDLE');

  for (const channel of CHANNELS) {
    const posted = fake.messages(channel).map(heraldIdOf);
    expect(posted, channel).toEqual(ids.get(channel));
  }
  const postsAfterRestart = fake.requests.filter((request) => request.method === 'chat.postMessage').length;
  return { fake, postedBeforeRestart, postsAfterRestart };
}

describe('a crash in the middle of sending', () => {
  it('sends nothing twice when Herald dies after Slack accepted a post but before it heard back', async () => {
    const { fake } = await crashAndRestart('after');
    // The restarted Herald looked before posting again.
    expect(fake.requests.some((request) => request.method === 'conversations.history')).toBe(true);
  }, 90_000);

  it('sends a message exactly once when Herald dies before the post reached Slack', async () => {
    await crashAndRestart('before');
  }, 90_000);
});

describe('a crash in the middle of an edit', () => {
  async function crashMidEdit(moment: 'before' | 'after') {
    const fake = await startFakeSlack();
    cleanups.push(() => fake.close());
    const dataDir = makeDataDir('herald-crash-edit-');
    const running: { first?: ChildRun } = {};
    const proxy = await startKillingProxy(fake, 4, moment, () => running.first?.child, 'chat.update');
    const first = runChild([
      ...['--data-dir', dataDir, '--slack-api-url', proxy.url, '--token', fake.botToken],
      ...['--enqueue', '12', '--channels', CHANNELS.join(','), '--correct-each'],
    ]);
    running.first = first;
    await first.exited;
    expect(first.child.signalCode).toBe('SIGKILL');
    const edits = [...first.output().matchAll(/^EDIT (\S+) (\S+) (\S+)$/gm)].map((match) => ({
      postId: match[1]!,
      ts: match[3]!,
    }));
    expect(edits.length).toBeGreaterThanOrEqual(4);

    const second = runChild(['--data-dir', dataDir, '--slack-api-url', proxy.url]);
    expect(await second.exited).toBe(0);

    const successfulUpdates = fake.requests.filter(
      (request) => request.method === 'chat.update' && request.status === 200,
    );
    for (const { postId, ts } of edits) {
      const message = fake.messages().find((candidate) => heraldIdOf(candidate) === postId);
      expect(message?.text, postId).toMatch(/\(corrected\)$/);
      expect(message?.text, postId).not.toMatch(/\(corrected\) \(corrected\)$/);
      // Applied exactly once: one chat.update reached Slack for this message.
      expect(
        successfulUpdates.filter((request) => request.args.ts === ts),
        postId,
      ).toHaveLength(1);
    }
    return { fake };
  }

  it('edits nothing twice when Herald dies after Slack applied an edit but before it heard back', async () => {
    const { fake } = await crashMidEdit('after');
    // The restarted Herald read the message to see the edit had landed.
    expect(fake.requests.some((request) => request.method === 'conversations.history')).toBe(true);
  }, 90_000);

  it('applies an edit exactly once when Herald dies before the edit reached Slack', async () => {
    await crashMidEdit('before');
  }, 90_000);
});

describe('a crash in the middle of a file upload', () => {
  async function crashMidUpload(moment: 'before' | 'after') {
    const fake = await startFakeSlack();
    cleanups.push(() => fake.close());
    const dataDir = makeDataDir('herald-crash-file-');
    const running: { first?: ChildRun } = {};
    const proxy = await startKillingProxy(
      fake,
      3,
      moment,
      () => running.first?.child,
      'files.completeUploadExternal',
    );
    const first = runChild([
      ...['--data-dir', dataDir, '--slack-api-url', proxy.url, '--token', fake.botToken],
      ...['--enqueue', '6', '--channels', CHANNELS.join(','), '--file-each'],
    ]);
    running.first = first;
    await first.exited;
    expect(first.child.signalCode).toBe('SIGKILL');
    const files = [...first.output().matchAll(/^FILE (\S+) (\S+) (.+)$/gm)].map((match) => ({
      postId: match[1]!,
      title: match[3]!,
    }));
    expect(files.length).toBeGreaterThanOrEqual(3);

    const second = runChild(['--data-dir', dataDir, '--slack-api-url', proxy.url]);
    expect(await second.exited).toBe(0);

    for (const { postId, title } of files) {
      const post = fake.messages().find((candidate) => heraldIdOf(candidate) === postId);
      // Shared exactly once, in the thread of the message it goes with.
      const shared = fake.files().filter((file) => file.title === title && file.shares.length > 0);
      expect(shared, title).toHaveLength(1);
      expect(shared[0]?.shares[0]?.thread_ts, title).toBe(post?.ts);
    }
    return { fake };
  }

  it('uploads nothing twice when Herald dies after Slack shared a file but before it heard back', async () => {
    const { fake } = await crashMidUpload('after');
    // The restarted Herald read the thread to find the file already there.
    expect(fake.requests.some((request) => request.method === 'conversations.replies')).toBe(true);
  }, 90_000);

  it('uploads a file exactly once when Herald dies before the upload was shared', async () => {
    await crashMidUpload('before');
  }, 90_000);
});
