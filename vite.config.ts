import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type HtmlTagDescriptor, type Plugin, type Rollup } from 'vite';

const START = resolve('renderer/start.ts');
const APP = resolve('renderer/main.tsx');

interface ModuleGraph {
  getModuleInfo(id: string): { importedIds: readonly string[] } | null;
}

/** Every module `entry` reaches through static imports (what must be evaluated before it runs). */
function staticClosure(entry: string, graph: ModuleGraph): Set<string> {
  const reached = new Set<string>();
  const pending = [entry];
  for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
    if (reached.has(id)) continue;
    reached.add(id);
    pending.push(...(graph.getModuleInfo(id)?.importedIds ?? []));
  }
  return reached;
}

/**
 * Two chunks for the start instead of the many small shared ones automatic
 * splitting makes once the app is a dynamic import: `start` (start.ts and
 * what it imports) and `app` (everything else main.tsx imports). Screens
 * loaded on demand keep their own chunks and import from these two.
 */
function startChunkName(): (id: string, graph: ModuleGraph) => string | null {
  let chunks: { start: Set<string>; app: Set<string> } | null = null;
  return (id, graph) => {
    chunks ??= { start: staticClosure(START, graph), app: staticClosure(APP, graph) };
    if (chunks.start.has(id)) return id === START ? null : 'boot';
    return chunks.app.has(id) ? 'app' : null;
  };
}

/** A chunk and every chunk it statically imports, in the bundle. */
function chunkClosure(first: Rollup.OutputChunk, bundle: Rollup.OutputBundle): Rollup.OutputChunk[] {
  const reached = new Map<string, Rollup.OutputChunk>();
  const visit = (chunk: Rollup.OutputChunk) => {
    if (reached.has(chunk.fileName)) return;
    reached.set(chunk.fileName, chunk);
    for (const name of chunk.imports) {
      const imported = bundle[name];
      if (imported?.type === 'chunk') visit(imported);
    }
  };
  visit(first);
  return [...reached.values()];
}

/**
 * The built index.html loads only renderer/start.ts, which sends the
 * bootstrap request, draws the start screen if there is one, and then
 * imports the app (renderer/main.tsx). This adds the app's CSS to index.html
 * (the start screen is drawn with it), but not the app's chunks: fetched and
 * compiled beside start.ts, they held back the start screen by 40–50 ms on a
 * two-core machine (docs/performance.md, "Session 8"). start.ts asks for them
 * as soon as the bootstrap has answered, or once the start screen has
 * painted.
 */
function linkAppStyles(): Plugin {
  return {
    name: 'herald-link-app-styles',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context): HtmlTagDescriptor[] {
        const { bundle, chunk: entry } = context;
        if (!bundle || !entry) return [];
        const app = Object.values(bundle).find(
          // Its own chunk, or folded into the `app` group with what it imports.
          (output): output is Rollup.OutputChunk => output.type === 'chunk' && output.moduleIds.includes(APP),
        );
        if (!app) throw new Error('The app chunk (renderer/main.tsx) is missing from the build.');
        const inHtml = new Set(chunkClosure(entry, bundle).map((chunk) => chunk.fileName));
        const appChunks = chunkClosure(app, bundle).filter((chunk) => !inHtml.has(chunk.fileName));
        const styles = new Set(appChunks.flatMap((chunk) => [...(chunk.viteMetadata?.importedCss ?? [])]));
        const link = (rel: string, file: string): HtmlTagDescriptor => ({
          tag: 'link',
          attrs: { rel, crossorigin: true, href: `./${file}` },
          injectTo: 'head',
        });
        return [...styles].map((file) => link('stylesheet', file));
      },
    },
  };
}

// The renderer only. Main, preload and the harness are bundled by esbuild
// (scripts/build.mjs); see docs/decisions.md.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), linkAppStyles()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: false,
    // No inline module-preload polyfill: the CSP forbids inline script.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [{ name: startChunkName(), debugName: 'app', includeDependenciesRecursively: false }],
        },
      },
    },
  },
});
