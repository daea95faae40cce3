#!/usr/bin/env node
// `npm run build`: the renderer with Vite, then main, preload and the
// browser harness with esbuild. Output in dist/.
import { readFileSync } from 'node:fs';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const define = { __HERALD_VERSION__: JSON.stringify(version) };
// ESM bundles that contain CommonJS dependencies need a `require`.
const esmRequireBanner =
  "import { createRequire as __heraldCreateRequire } from 'node:module'; const require = __heraldCreateRequire(import.meta.url);";
const only = process.argv.slice(2);
const wants = (part) => only.length === 0 || only.includes(part);

const started = performance.now();
if (wants('renderer')) {
  await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
}
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  define,
  logLevel: 'warning',
  legalComments: 'none',
  minify: true,
  sourcemap: 'linked',
};
const jobs = [];
if (wants('electron')) {
  jobs.push(
    esbuild({
      ...common,
      entryPoints: ['electron/main.ts'],
      outfile: 'dist/electron/main.mjs',
      format: 'esm',
      external: ['electron'],
      banner: { js: esmRequireBanner },
    }),
    // Sandboxed preloads must be CommonJS and may only require `electron`.
    esbuild({
      ...common,
      entryPoints: ['electron/preload.ts'],
      outfile: 'dist/electron/preload.cjs',
      format: 'cjs',
      external: ['electron'],
    }),
  );
}
if (wants('harness')) {
  jobs.push(
    esbuild({
      ...common,
      entryPoints: ['electron/harness/main.ts'],
      outfile: 'dist/harness/harness.mjs',
      format: 'esm',
      packages: 'external',
    }),
  );
}
await Promise.all(jobs);
console.log(
  `Built ${only.length ? only.join(', ') : 'renderer, electron, harness'} in ${Math.round(performance.now() - started)} ms`,
);
