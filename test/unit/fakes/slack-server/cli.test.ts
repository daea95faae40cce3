import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const serverPath = fileURLToPath(new URL('../../../fakes/slack-server.ts', import.meta.url));

describe('fake Slack: command line', () => {
  it('prints its url and bot token, serves, and stops cleanly on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', serverPath, '--port', '0', '--rate-limits', 'non_marketplace'],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    try {
      const lines = createInterface({ input: child.stdout });
      const [firstLine] = (await once(lines, 'line')) as [string];
      const match = /^Fake Slack listening on (http:\/\/127\.0\.0\.1:\d+\/api\/) \(bot token (\S+)\)$/.exec(
        firstLine,
      );
      expect(match).not.toBeNull();
      const [, url, token] = match!;
      const response = await fetch(`${url}auth.test`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(await response.json()).toMatchObject({ ok: true, user: 'herald' });
      // Started in the non-Marketplace mode: the second history read within a minute is refused.
      const history = () =>
        fetch(`${url}conversations.history?channel=C0OPSENGUPD`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}` },
        });
      expect((await history()).status).toBe(200);
      expect((await history()).status).toBe(429);
      child.kill('SIGTERM');
      const [exitCode] = (await once(child, 'exit')) as [number | null];
      expect(exitCode).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
