// Layer boundaries of DESIGN §2, enforced mechanically. Each folder says where its code runs.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeModules = [...builtinModules, ...builtinModules.map((name) => `node:${name}`), 'node:*'];
const nodeGlobals = ['process', 'Buffer', 'require', 'module', '__dirname', '__filename', 'global', 'setImmediate'];
const domGlobals = [
  'window', 'document', 'navigator', 'location', 'localStorage', 'sessionStorage', 'indexedDB',
  'fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'crypto', 'performance', 'alert', 'self',
];

const restrictPaths = (groups) =>
  groups.map(({ pattern, message }) => ({ group: [pattern], message }));

const forbidNode = { paths: nodeModules.map((name) => ({ name, message: 'Node APIs are not allowed in this layer.' })) };

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'dist-electron/', 'release/', 'coverage/', 'data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/*.{js,mjs,cjs,ts}'],
    ignores: ['src/**', 'renderer/**', 'sync/client/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    name: 'layer: src is the pure domain core',
    files: ['src/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...forbidNode,
          patterns: restrictPaths([
            { pattern: '**/renderer/**', message: 'src/ may not import from renderer/.' },
            { pattern: '**/electron/**', message: 'src/ may not import from electron/.' },
            { pattern: '**/sync/**', message: 'src/ may not import from sync/.' },
            { pattern: 'electron', message: 'src/ may not import Electron.' },
            { pattern: 'react', message: 'src/ may not import React.' },
            { pattern: 'react-dom', message: 'src/ may not import React.' },
          ]),
        },
      ],
      'no-restricted-globals': [
        'error',
        ...[...nodeGlobals, ...domGlobals].map((name) => ({ name, message: `${name} is a Node or DOM global: src/ is pure.` })),
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Inject the clock: src/ is deterministic.' },
        { object: 'Math', property: 'random', message: 'Inject randomness: src/ is deterministic.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Inject the clock: src/ is deterministic.' },
      ],
    },
  },
  {
    name: 'layer: renderer and sync/client run in the browser',
    files: ['renderer/**/*.{ts,tsx}', 'sync/client/**/*.ts'],
    ignores: ['renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          ...forbidNode,
          patterns: restrictPaths([
            { pattern: 'electron', message: 'The renderer reaches the host through the desk bridge, never Electron.' },
            { pattern: '**/electron/**', message: 'The renderer may not import from electron/.' },
            { pattern: '**/sync/server/**', message: 'The renderer may not import the provincial server.' },
          ]),
        },
      ],
      'no-restricted-globals': [
        'error',
        ...nodeGlobals.map((name) => ({ name, message: `${name} is a Node global: the renderer runs in a browser.` })),
      ],
    },
  },
  {
    name: 'layer: electron is a thin host',
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: restrictPaths([
            { pattern: '**/renderer/**', message: 'electron/ may not import the renderer.' },
            { pattern: '**/sync/server/**', message: 'electron/ may not import the provincial server.' },
          ]),
        },
      ],
    },
  },
  {
    name: 'layer: the provincial server',
    files: ['sync/server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: restrictPaths([
            { pattern: '**/renderer/**', message: 'sync/server may not import the renderer.' },
            { pattern: '**/electron/**', message: 'sync/server may not import electron/.' },
            { pattern: 'electron', message: 'sync/server may not import Electron.' },
          ]),
        },
      ],
    },
  },
);
