// Lint, including the import boundaries of docs/architecture: shared is pure, main never imports electron
// outside its entry files, the renderer talks only to the contract, the preload only bridges.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const NODE_BUILTINS = ['fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'util', 'stream', 'zlib', 'worker_threads', 'readline'];
const nodeBuiltins = { group: ['node:*', ...NODE_BUILTINS, ...NODE_BUILTINS.map((m) => `${m}/*`)], message: 'No Node built-ins here.' };
const electron = { group: ['electron', 'electron/*'], message: 'Only src/main/index.ts and src/main/electron/** may import electron.' };
const backendLibs = {
  group: ['better-sqlite3-multiple-ciphers', 'kysely', 'kysely/*', 'exceljs'],
  message: 'Database and file libraries belong to src/main.',
};
const uiLibs = { group: ['react', 'react-dom', 'react-dom/*', 'antd', 'antd/*', '@ant-design/*', '@tanstack/*', 'react-router-dom'], message: 'UI libraries belong to src/renderer.' };
const layer = (name) => ({ group: [`**/${name}/**`, `**/${name}`], message: `Do not import from src/${name} here.` });

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [nodeBuiltins, electron, backendLibs, uiLibs, layer('main'), layer('renderer'), layer('preload')] }] },
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/index.ts', 'src/main/electron/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [electron, uiLibs, layer('renderer'), layer('preload')] }] },
  },
  {
    files: ['src/main/index.ts', 'src/main/electron/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [uiLibs, layer('renderer'), layer('preload')] }] },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [nodeBuiltins, backendLibs, uiLibs, layer('main'), layer('renderer')] }] },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': ['error', { patterns: [nodeBuiltins, electron, backendLibs, layer('main'), layer('preload')] }] },
  },
);
