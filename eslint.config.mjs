// Lint rules. The architecture's invariants are stated here as absences:
// - core: no editor or protocol imports, no I/O, no adapters;
// - lsp: no file system, paths or process (file I/O lives in node/), and no CLI;
// - core, node and cli: no language-server imports (only lsp/ and main.ts speak LSP);
// - cli: nothing from lsp/ (the CLI formats findings itself).
import tseslint from 'typescript-eslint';

const IO_MODULES = ['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'path', 'node:path', 'process', 'node:process', 'child_process', 'node:child_process', 'os', 'node:os', 'url', 'node:url'];
const LSP_MODULES = ['vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageserver-*', 'vscode-jsonrpc', 'vscode-jsonrpc/*'];
const NO_PROCESS = ['error', { name: 'process', message: 'only node/, cli/ and main.ts touch the process' }, { name: '__dirname', message: 'paths are found in node/' }];

export default tseslint.config(
  { ignores: ['**/out/**', 'dist/**', 'e2e/**', 'node_modules/**', 'scripts/**', 'build/**', 'server/src/core/generated/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['server/src/**/*.ts', 'client/src/**/*.ts', 'client/webview/**/*.ts', 'server/test/**/*.ts', 'server/test-lsp/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    files: ['server/src/core/**/*.ts'],
    rules: {
      'no-console': 'error',
      'no-restricted-globals': NO_PROCESS,
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['vscode', 'vscode-*'], message: 'core speaks plain data: no editor or protocol imports' },
          { group: IO_MODULES, message: 'core does no I/O' },
          { group: ['**/lsp/**', '**/cli/**', '**/node/**'], message: 'core does not depend on its adapters' },
        ],
      }],
    },
  },
  {
    files: ['server/src/lsp/**/*.ts'],
    rules: {
      'no-restricted-globals': NO_PROCESS,
      'no-restricted-imports': ['error', {
        patterns: [
          { group: IO_MODULES, message: 'file I/O, paths and URIs of files belong in server/src/node/' },
          { group: ['**/cli/**'], message: 'the server does not depend on the CLI' },
        ],
      }],
    },
  },
  {
    // Positions and ranges are built in lsp/convert.ts only.
    files: ['server/src/lsp/**/*.ts'],
    ignores: ['server/src/lsp/convert.ts'],
    rules: {
      'no-restricted-syntax': ['error', {
        selector: "ObjectExpression:has(> Property[key.name='line']):has(> Property[key.name='character'])",
        message: 'build positions and ranges in lsp/convert.ts',
      }],
    },
  },
  {
    files: ['server/src/node/**/*.ts', 'server/src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: LSP_MODULES, message: 'only lsp/ speaks LSP' },
          { group: ['**/lsp/**'], message: 'node/ and cli/ do not go through the LSP adapter' },
        ],
      }],
    },
  },
);
