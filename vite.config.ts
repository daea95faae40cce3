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
  },
});
