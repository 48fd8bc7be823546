// House lint: the recommended JavaScript and typescript-eslint rules; formatting is prettier's job.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'build/',
      'dist/',
      'node_modules/',
      'bench/peers/',
      'bench/.work/',
      'test/tmp/',
      'test/artifacts/',
      'test/golden/',
      'test/fixtures/',
      'examples/**/dist/',
      'work/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // Unused parameters are kept when they document a callback's shape; a leading underscore says so.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Control characters are this tool's subject: escaping tables and their tests match them on purpose.
      'no-control-regex': 'off',
      // Rule catalogues join one interface by declaration merging: `interface RuleIds extends Record<…> {}`.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
