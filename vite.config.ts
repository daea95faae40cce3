import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer only. Main, preload and the harness are bundled by esbuild
// (scripts/build.mjs); see docs/decisions.md.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: false,
    // No inline module-preload polyfill: the CSP forbids inline script.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    // Libraries in chunks of their own: one 600 kB file tripped Vite's chunk-size warning on every build, and
    // a library chunk stays cached across app changes in the browser harness.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'zod', test: /node_modules[\\/]zod[\\/]/ },
            { name: 'vendor', test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
});
