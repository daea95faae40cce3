import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Unit tests never load the real `electron` module: in plain Node it tries to
// download the Electron binary. Every import of it resolves to our fake.
const fakeElectron = fileURLToPath(new URL('./test/fakes/electron.ts', import.meta.url));

export default defineConfig({
  resolve: { alias: { electron: fakeElectron } },
  test: {
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 20_000,
    pool: 'forks',
    // electron-store imports 'electron' itself: inline it so the alias reaches that import too.
    server: { deps: { inline: ['electron-store'] } },
  },
});
