// A local update feed for electron-updater, served on 127.0.0.1: a generic
// provider's latest.yml and a dummy installer, with switches to corrupt the
// artifact, take the feed down or offer an older version. Also builds a real
// electron-updater NsisUpdater pointed at it, with electron-updater's own
// download path (ElectronHttpExecutor.download → sha512-checked doDownload)
// running over Node's http instead of Electron's net module, so no test
// needs the real `electron`.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import {
  createServer,
  request,
  type ClientRequest,
  type IncomingMessage,
  type RequestOptions,
  type Server,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NsisUpdater } from 'electron-updater';
import type { AppAdapter } from 'electron-updater/out/AppAdapter.js';
import { ElectronHttpExecutor } from 'electron-updater/out/electronHttpExecutor.js';
import { stringify } from 'yaml';

export interface FeedRelease {
  version: string;
  /** The feed's staged-rollout share, 0–100. */
  stagingPercentage?: number;
  /** Serve bytes other than the ones latest.yml's sha512 describes. */
  isCorrupt?: boolean;
}

export interface UpdateFeed {
  url: string;
  /** Paths requested so far, in order. */
  requests: string[];
  publish(release: FeedRelease): void;
  /** Answer every request with 503 (a feed that is down). */
  setDown(isDown: boolean): void;
  close(): Promise<void>;
}

export function installerName(version: string): string {
  return `Herald-Setup-${version}.exe`;
}

export async function startUpdateFeed(): Promise<UpdateFeed> {
  const files = new Map<string, Buffer>();
  const requests: string[] = [];
  let isDown = false;
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname).replace(/^\//, '');
    requests.push(path);
    const body = files.get(path);
    if (isDown) {
      res.writeHead(503, { 'content-type': 'text/plain' }).end('Service Unavailable');
      return;
    }
    if (!body) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
      return;
    }
    res
      .writeHead(200, {
        'content-type': path.endsWith('.yml') ? 'text/yaml' : 'application/octet-stream',
        'content-length': body.length,
      })
      .end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    publish(release) {
      const installer = randomBytes(64 * 1024);
      const name = installerName(release.version);
      const sha512 = createHash('sha512').update(installer).digest('base64');
      files.clear();
      files.set(
        name,
        release.isCorrupt ? Buffer.concat([installer.subarray(0, 1000), randomBytes(10)]) : installer,
      );
      const latest = {
        version: release.version,
        files: [{ url: name, sha512, size: installer.length }],
        path: name,
        sha512,
        releaseDate: '2026-12-01T10:00:00.000Z',
        ...(release.stagingPercentage === undefined ? {} : { stagingPercentage: release.stagingPercentage }),
      };
      files.set('latest.yml', Buffer.from(stringify(latest)));
    },
    setDown(next) {
      isDown = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** electron-updater's own downloader and checksum checks, over Node's http rather than Electron's net. */
class NodeHttpUpdaterExecutor extends ElectronHttpExecutor {
  constructor() {
    super(undefined);
  }
  override createRequest(
    options: RequestOptions,
    callback: (response: IncomingMessage) => void,
  ): ReturnType<ElectronHttpExecutor['createRequest']> {
    // Node's ClientRequest has every method the executor calls (on, end, abort); Electron's type adds a few it never uses.
    const nodeRequest: ClientRequest = request(options, callback);
    return nodeRequest as unknown as ReturnType<ElectronHttpExecutor['createRequest']>;
  }
}

/** What electron-updater needs from the app, for an installed Herald of `version`. */
class TestAppAdapter implements AppAdapter {
  readonly name = 'Herald';
  readonly isPackaged = true;
  quitCount = 0;
  constructor(
    readonly version: string,
    readonly appUpdateConfigPath: string,
    readonly userDataPath: string,
    readonly baseCachePath: string,
  ) {}
  whenReady() {
    return Promise.resolve();
  }
  relaunch() {}
  quit() {
    this.quitCount += 1;
  }
  onQuit() {}
}

export interface LocalUpdaterOptions {
  feedUrl: string;
  currentVersion: string;
  /** Written to the data folder's .updaterId, which decides where this install falls in a staged rollout. */
  stagingUserId?: string;
  /** The Windows publisher names app-update.yml carries when the build was code-signed. */
  publisherName?: string[];
}

export function createLocalUpdater(options: LocalUpdaterOptions): NsisUpdater {
  const root = mkdtempSync(join(tmpdir(), 'herald-updater-'));
  const userData = join(root, 'user-data');
  mkdirSync(userData);
  if (options.stagingUserId) writeFileSync(join(userData, '.updaterId'), options.stagingUserId);
  const configPath = join(root, 'app-update.yml');
  writeFileSync(
    configPath,
    stringify({
      provider: 'generic',
      url: options.feedUrl,
      updaterCacheDirName: 'herald-updater',
      ...(options.publisherName ? { publisherName: options.publisherName } : {}),
    }),
  );
  const updater = new NsisUpdater(
    null,
    new TestAppAdapter(options.currentVersion, configPath, userData, join(root, 'cache')),
  );
  // The two test seams electron-builder's own updater tests use: the HTTP executor, and the platform the feed is read for.
  Object.assign(updater, {
    httpExecutor: new NodeHttpUpdaterExecutor(),
    _testOnlyOptions: { platform: 'win32' },
  });
  updater.logger = null;
  return updater;
}
