import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import { readdirSync } from 'node:fs';

/**
 * The renderer's floors, bottom first (docs/ARCHITECTURE.md): a folder may import from its
 * own floor's folder and the floors below, never from above. Features never import each
 * other: what two of them share lives in shared/.
 */
const RENDERER_FLOORS = [['ui', 'state'], ['db'], ['session'], ['backup'], ['shared'], ['features'], ['app']];
const FEATURES = readdirSync(new URL('./renderer/src/features', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
const floorZones = RENDERER_FLOORS.flatMap((floor, i) =>
  floor.flatMap((folder) =>
    RENDERER_FLOORS.slice(i + 1)
      .flat()
      .map((above) => ({
        target: `./renderer/src/${folder}`,
        from: `./renderer/src/${above}`,
        message: `renderer/src/${folder} sits below ${above}/ (see the floors in docs/ARCHITECTURE.md).`,
      })),
  ),
);
const featureZones = FEATURES.map((name) => ({
  target: `./renderer/src/features/${name}`,
  from: './renderer/src/features',
  except: [`./${name}`],
  message: 'A feature does not import another feature: move what both need to renderer/src/shared.',
}));

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
    files: ['**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs'] })],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones: [...floorZones, ...featureZones] }],
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
            {
              group: ['electron', 'electron-store', 'conf', 'react', 'react-dom', 'antd', 'dexie', 'dexie-react-hooks'],
              message: 'core/ is pure domain code.',
            },
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
