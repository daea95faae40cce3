// Renderer JavaScript, gzipped, next to a bare Vite + React page built in the
// same run with the same toolchain. Herald's aim: under 250 KB gzipped.
import { gzipSync } from 'node:zlib';
import { printTable } from './support/stats.ts';
import { buildRenderers, javaScriptFiles } from './support/renderer-builds.ts';

const AIM_KB = 250;

function measure(dir: string) {
  const files = javaScriptFiles(dir);
  const rawBytes = files.reduce((sum, file) => sum + file.bytes.length, 0);
  // Level 9, as a web server or an installer's compression would roughly manage.
  const gzipBytes = files.reduce((sum, file) => sum + gzipSync(file.bytes, { level: 9 }).length, 0);
  return { files: files.length, rawKb: rawBytes / 1024, gzipKb: gzipBytes / 1024 };
}

const builds = await buildRenderers();
const bare = measure(builds.bareDir);
const herald = measure(builds.heraldDir);
printTable('Renderer JavaScript size (KB)', [
  { name: 'baseline: bare Vite + React page', files: bare.files, raw: bare.rawKb, gzip: bare.gzipKb },
  { name: 'Herald renderer', files: herald.files, raw: herald.rawKb, gzip: herald.gzipKb },
]);
const verdict = herald.gzipKb < AIM_KB ? 'within' : 'OVER';
console.log(
  `Herald ships ${herald.gzipKb.toFixed(1)} KB of gzipped JavaScript: ${(herald.gzipKb - bare.gzipKb).toFixed(1)} KB above the bare page, ${verdict} the ${AIM_KB} KB aim.`,
);
