import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Import boundaries: dependencies point inward (renderer -> core, electron -> core). */
const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'stream', 'zlib', 'url', 'util'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-empty-pattern': 'off',
    },
  },
  {
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'core/ is pure: no Node built-ins.' },
            { group: ['electron', 'electron-store', 'conf', 'react', 'react-dom', 'antd', 'dexie', 'dexie-react-hooks'], message: 'core/ is pure domain code.' },
            { group: ['**/electron/**', '**/renderer/**', '**/test/**'], message: 'core/ imports nothing of the outer layers.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'indexedDB', 'navigator', 'process', 'Buffer'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'The renderer has no Node: ask the main process through window.station.' },
            { group: ['electron', 'electron-store', 'conf', 'pdfkit'], message: 'The renderer never imports Electron or main-process libraries.' },
            { group: ['**/electron/**'], message: 'renderer/ never imports electron/: share types through core/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/services/**/*.ts', 'electron/ipc/**/*.ts', 'electron/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron'], message: "Services take ports as arguments; only main.ts, preload.ts and adapters/ import 'electron'." },
            { group: ['**/renderer/**'], message: 'electron/ never imports renderer/.' },
          ],
        },
      ],
    },
  },
);
