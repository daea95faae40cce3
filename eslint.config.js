// Flat ESLint config. Besides the usual TypeScript and React hooks rules it
// enforces the layer rules of docs/architecture.md: which zone may import whom.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url'];

/** Builds a no-restricted-imports rule from the zone's forbidden imports. */
function forbid(message, { paths = [], patterns = [] }) {
  return {
    'no-restricted-imports': [
      'error',
      {
        paths: paths.map((name) => ({ name, message })),
        patterns: [{ group: patterns, message }],
      },
    ],
  };
}

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'bench/results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.node.json', './tsconfig.web.json', './tsconfig.test.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/only-throw-error': 'off',
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { ...globals.node },
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...forbid('The renderer is untrusted web code: it talks only to window.herald (shared/api).', {
        paths: ['electron', 'electron-store', 'conf', '@slack/web-api', ...nodeBuiltins],
        patterns: ['node:*', '**/electron/**', '../electron*', '../../electron*'],
      }),
    },
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['shared/**/*.ts'],
    rules: forbid('shared/ is pure TypeScript for both sides: no Electron, Node, DOM or other zones.', {
      paths: ['electron', 'electron-store', 'conf', '@slack/web-api', 'react', ...nodeBuiltins],
      patterns: [
        'node:*',
        '**/electron/**',
        '**/renderer/**',
        '../electron*',
        '../renderer*',
        '../../electron*',
        '../../renderer*',
      ],
    }),
  },
  {
    files: ['electron/core/**/*.ts', 'electron/harness/**/*.ts'],
    rules: forbid('core and the harness are plain Node: only electron/shell may import electron.', {
      paths: ['electron', 'electron-store', 'electron-updater'],
      patterns: ['**/renderer/**', '**/shell/**', '../shell*', '../../shell*'],
    }),
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/core/**', 'electron/harness/**'],
    rules: forbid('electron/ never imports the renderer.', { patterns: ['**/renderer/**'] }),
  },
  {
    files: ['test/**/*.{ts,tsx}', 'bench/**/*.ts', '*.config.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
      // expect.any(), expect.objectContaining() and JSON bodies are `any` by design in tests.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
);
