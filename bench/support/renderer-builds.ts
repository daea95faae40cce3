// Builds the two pages the renderer benchmarks compare, in the same run and
// with the same Vite, React plugin and browser target: Herald's renderer
// (vite.config.ts) and the bare Vite + React page in bench/fixtures/bare-react.
// Each goes to its own temporary folder, so a benchmark never measures a
// stale dist/ and never disturbs one.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { securityHeaders } from '../../electron/harness/http-transport.ts';

export interface RendererBuilds {
  heraldDir: string;
  bareDir: string;
  buildMs: { herald: number; bare: number };
}

export async function buildRenderers(): Promise<RendererBuilds> {
  const heraldDir = mkdtempSync(join(tmpdir(), 'herald-bench-renderer-'));
  const bareDir = mkdtempSync(join(tmpdir(), 'herald-bench-bare-'));
  let started = performance.now();
  await build({
    configFile: resolve('vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: heraldDir, emptyOutDir: true, chunkSizeWarningLimit: 4096 },
  });
  // (The size warning is off: bench/bundle-size.bench.ts reports the size itself, against its aim.)
  const herald = performance.now() - started;
  started = performance.now();
  await build({
    configFile: false,
    root: resolve('bench/fixtures/bare-react'),
    base: './',
    logLevel: 'warn',
    plugins: [react()],
    build: {
      outDir: bareDir,
      emptyOutDir: true,
      target: 'chrome130',
      sourcemap: false,
      modulePreload: { polyfill: false },
      assetsInlineLimit: 0,
    },
  });
  return { heraldDir, bareDir, buildMs: { herald, bare: performance.now() - started } };
}

/** Every JavaScript file a build produced, with its bytes. */
export function javaScriptFiles(dir: string): Array<{ name: string; bytes: Buffer }> {
  const files: Array<{ name: string; bytes: Buffer }> = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.js'))
        files.push({ name: path.slice(dir.length + 1), bytes: readFileSync(path) });
    }
  };
  walk(dir);
  return files;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * Serves a built page on 127.0.0.1 with the harness's own security headers, so the baseline pays the same header
 * costs. All of them, not only the CSP: `Cross-Origin-Opener-Policy: same-origin` makes Chromium put the page in a
 * new browsing context group, a process swap measured at about 60 ms on this machine; a baseline without it made a
 * page identical to the bare one, served by the harness, look 1.46× slower than itself.
 */
export async function serveStatic(dir: string): Promise<{ origin: string; close: () => Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(
      /^(\.\.[/\\])+/,
      '',
    );
    const file = join(dir, path === '/' ? 'index.html' : path);
    try {
      const body = readFileSync(file);
      response.writeHead(200, {
        'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
        ...securityHeaders,
      });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
