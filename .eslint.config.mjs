// Lint holds the layering lines so nobody has to remember them (see ../shared/engineering.md):
// only src/main and src/preload import electron; src/core never imports electron or react;
// src/shared is pure; the renderer talks only to the contract.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'crypto', 'util', 'url'];
const STORE = ['better-sqlite3', 'drizzle-orm', 'drizzle-orm/*', 'pdfmake', 'pdfmake/*'];

const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'drizzle/**', 'test-results/**', 'test-output/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: restrict(['electron', 'react', 'react-dom', ...NODE_BUILTINS, ...STORE, '**/core/**', '**/main/**', '**/renderer/**', '**/web/**', '**/cli/**'], 'src/shared is pure and isomorphic: no I/O, no Node, no UI, no other layer.'),
  },
  {
    files: ['src/core/**/*.ts'],
    rules: restrict(['electron', 'react', 'react-dom', '**/main/**', '**/renderer/**', '**/web/**', '**/cli/**', '**/preload/**'], 'src/core never imports Electron, React or the doors above it.'),
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    rules: restrict(['electron', ...NODE_BUILTINS, ...STORE, '**/core/**', '**/main/**', '**/web/**', '**/cli/**', '**/preload/**'], 'The renderer talks only to the contract (src/shared); no Node, no store, no Electron.'),
  },
  {
    files: ['src/web/**/*.ts', 'src/cli/**/*.ts'],
    rules: restrict(['electron', 'react', 'react-dom', '**/main/**', '**/renderer/**', '**/preload/**'], 'The web and CLI doors run in plain Node over src/core; Electron belongs to src/main.'),
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: restrict([...NODE_BUILTINS, ...STORE, '**/core/**', '**/main/**', '**/renderer/**', '**/web/**', '**/cli/**'], 'The sandboxed preload may use only electron and src/shared.'),
  },
  {
    // Every transaction opens in src/core/db/transactions.ts: writes BEGIN IMMEDIATE under the busy
    // timeout, so a second process writing to the same file never makes a save fail.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/core/db/transactions.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='transaction']", message: 'Open transactions with writeTransaction / readTransaction from src/core/db/transactions.ts.' },
      ],
    },
  },
  {
    // electron-builder's packaging hook: plain CommonJS run by electron-builder in Node.
    files: ['src/main/native/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', process: 'readonly', module: 'writable', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['tests/fixtures/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', process: 'readonly', module: 'writable', __dirname: 'readonly', setImmediate: 'readonly', console: 'readonly', Request: 'readonly', Buffer: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
