import js from '@eslint/js'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'bench/.cache/', 'bench/results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
      // Detecting control characters in untrusted input is the point of those patterns.
      'no-control-regex': 'off',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/store/*', '**/store/**'], importNames: ['*'], message: 'pure stages never import the store' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' } },
  },
  {
    files: ['src/http/**', 'src/cli/**', 'src/services/**', 'src/search/**', 'src/pipeline/**', 'src/store/**', 'src/main.ts', 'test/**', 'bench/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/extract/**', 'src/analyse/**', 'src/relate/**', 'src/domain/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/store/**', '**/http/**', '**/cli/**', '**/services/**', '**/search/**', '**/pipeline/**', 'pg', 'better-sqlite3', 'kysely', 'undici'], message: 'pipeline stages are pure: no store, network or front doors' },
          ],
        },
      ],
    },
  },
)
