// Reading the built renderer (dist/renderer) for either transport, with a
// path check: a request can never escape the folder, and unknown paths fall
// back to index.html so client-side routes load.
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

export interface RendererFile {
  body: Buffer;
  contentType: string;
}

export async function readRendererFile(rootDir: string, urlPath: string): Promise<RendererFile | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = normalize(decoded).replace(/^([/\\])+/, '');
  const resolved = join(rootDir, relative);
  if (resolved !== rootDir && !resolved.startsWith(rootDir + sep)) return null;
  const candidates = extname(relative) ? [resolved] : [join(rootDir, 'index.html')];
  for (const path of candidates) {
    try {
      return {
        body: await readFile(path),
        contentType: contentTypes[extname(path)] ?? 'application/octet-stream',
      };
    } catch {
      // fall through
    }
  }
  return null;
}
