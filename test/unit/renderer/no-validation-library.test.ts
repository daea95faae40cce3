// The renderer is built without zod (or any other validation library):
// validation is main's job, and loading a schema library cost the start of
// every window (docs/performance.md). This walks the renderer's whole module
// graph — every screen, loaded at start or on demand — and names the chain
// that reaches a validation library, if any does.
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';

const VALIDATION_LIBRARIES = /^(zod|yup|joi|ajv|valibot|superstruct|io-ts)(\/|$)/;

async function rendererGraph(): Promise<Metafile> {
  const result = await build({
    entryPoints: ['renderer/start.ts', 'renderer/main.tsx'],
    bundle: true,
    splitting: true,
    format: 'esm',
    write: false,
    metafile: true,
    outdir: 'out',
    logLevel: 'silent',
    loader: { '.css': 'empty' },
    // Kept out of the bundle but still recorded as an import, so the test sees who asks for it.
    plugins: [
      {
        name: 'note-validation-libraries',
        setup: (plugin) =>
          plugin.onResolve({ filter: VALIDATION_LIBRARIES }, (args) => ({ path: args.path, external: true })),
      },
    ],
  });
  return result.metafile;
}

/** Each path from an entry to a module that imports a validation library, as "a > b > zod". */
function chainsToValidation(graph: Metafile): string[] {
  const chains: string[] = [];
  const seen = new Set<string>();
  const walk = (file: string, path: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imported of graph.inputs[file]?.imports ?? []) {
      if (VALIDATION_LIBRARIES.test(imported.path)) chains.push([...path, file, imported.path].join(' > '));
      else if (graph.inputs[imported.path]) walk(imported.path, [...path, file]);
    }
  };
  walk('renderer/start.ts', []);
  walk('renderer/main.tsx', []);
  return chains;
}

describe('the renderer bundle', () => {
  it('reaches every screen and no validation library', async () => {
    const graph = await rendererGraph();
    const files = Object.keys(graph.inputs);
    // The walk must have seen the lazily loaded screens too, or an empty answer would prove nothing.
    for (const screen of [
      'calendar',
      'composer',
      'history',
      'incidents',
      'outbox',
      'settings',
      'templates',
    ]) {
      expect(files.some((file) => file.startsWith(`renderer/features/${screen}/`))).toBe(true);
    }
    expect(files.some((file) => file.startsWith('shared/'))).toBe(true);
    expect(chainsToValidation(graph)).toEqual([]);
  });
});
