// Runs the browser harness as a child process, as `npm run web` would,
// collecting everything it prints so tests can scan its logs.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOG_FILE_NAME, PREVIOUS_LOG_FILE_NAME } from '../../electron/core/logging/log-file.ts';

export interface HarnessProcess {
  url: string;
  origin: string;
  token: string;
  output(): string;
  /** SIGTERM and wait; `kill` uses SIGKILL (a crash). */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
}

export interface HarnessProcessOptions {
  dataDir: string;
  slackApiUrl?: string;
  testClockIso?: string | true;
  extraArgs?: string[];
}

export function startHarnessProcess(options: HarnessProcessOptions): Promise<HarnessProcess> {
  const args = ['dist/harness/harness.mjs', '--port', '0', '--data-dir', options.dataDir];
  if (options.slackApiUrl) args.push('--slack-api-url', options.slackApiUrl);
  if (options.testClockIso === true) args.push('--test-clock');
  else if (options.testClockIso) args.push(`--test-clock=${options.testClockIso}`);
  args.push(...(options.extraArgs ?? []));
  const child: ChildProcess = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, HERALD_SLACK_API_URL: '' },
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`harness did not start in time:\n${output}`)), 20_000);
    const check = () => {
      const match = /serving (http:\/\/127\.0\.0\.1:\d+)\/#token=([A-Za-z0-9_-]+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout?.off('data', check);
      const [, origin, token] = match as unknown as [string, string, string];
      resolve({
        url: `${origin}/#token=${token}`,
        origin,
        token,
        output: () => output,
        async stop(signal = 'SIGTERM') {
          if (child.exitCode === null) child.kill(signal);
          await exited;
        },
      });
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`harness exited with ${code ?? 'a signal'}:\n${output}`));
    });
  });
}

/** A harness that can be restarted on the same data folder (for "close and reopen" and crash tests). */
export class RestartableHarness {
  private process: HarnessProcess | null = null;
  private earlierOutput = '';
  constructor(private readonly options: HarnessProcessOptions) {}

  async start(): Promise<this> {
    this.process = await startHarnessProcess(this.options);
    return this;
  }
  private get running(): HarnessProcess {
    if (!this.process) throw new Error('the harness is not running');
    return this.process;
  }
  get url(): string {
    return this.running.url;
  }
  get origin(): string {
    return this.running.origin;
  }
  get token(): string {
    return this.running.token;
  }
  /** Calls Herald's API as the page would (same token); throws with the error's message when the call fails. */
  async call<T = unknown>(channel: string, args: unknown = {}): Promise<T> {
    const response = await fetch(`${this.origin}/api/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      body: JSON.stringify(args),
    });
    const result = (await response.json()) as
      { ok: true; value: T } | { ok: false; error: { message: string } };
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value;
  }
  /** The structured log the harness wrote to its data folder (it reaches the console only with --verbose). */
  logFileText(): string {
    const dir = join(this.options.dataDir, 'logs');
    return [PREVIOUS_LOG_FILE_NAME, LOG_FILE_NAME]
      .map((name) => join(dir, name))
      .filter((path) => existsSync(path))
      .map((path) => readFileSync(path, 'utf8'))
      .join('');
  }
  /** Everything every run of the harness printed. */
  output(): string {
    return this.earlierOutput + (this.process?.output() ?? '');
  }
  async restart(signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
    await this.stop(signal);
    await this.start();
  }
  async stop(signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
    if (!this.process) return;
    await this.process.stop(signal);
    this.earlierOutput += this.process.output();
    this.process = null;
  }
}
