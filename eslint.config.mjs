// Lint rules; the core invariant (no editor, protocol or I/O imports in server/src/core) is enforced here.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/out/**', 'dist/**', 'e2e/**', 'node_modules/**', 'scripts/**', 'build/**'] },
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
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['vscode', 'vscode-*'], message: 'core speaks plain data: no editor or protocol imports' },
          { group: ['fs', 'node:fs', 'path', 'node:path', 'process', 'node:process', 'child_process', 'node:child_process', 'os', 'node:os'], message: 'core does no I/O' },
          { group: ['**/lsp/**', '**/cli/**', '**/node/**'], message: 'core does not depend on its adapters' },
        ],
      }],
    },
  },
);
