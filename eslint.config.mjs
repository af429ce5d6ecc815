// ESLint (flat config): `npm run lint`, and a step of `npm test`.
// Syntax-only rules: type-aware linting took about 3 minutes on the 2 cores (shared with other
// work), and tsc checks the types already. Violations that were there when linting began are
// counted per file and rule in eslint-suppressions.json (ESLint's bulk suppressions): a file may
// not get more of them, and when it gets fewer, `npm run lint -- --prune-suppressions` lowers
// the count (lint fails until it does).
import js from '@eslint/js'
import astro from 'eslint-plugin-astro'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.next/**',
      '**/.astro/**',
      // Written by Payload (`npm run generate`) and by Next (next-env.d.ts, on each build).
      'cms/payload-types.ts',
      'cms/app/(payload)/admin/importMap.js',
      '**/next-env.d.ts',
      // Outputs of test and benchmark runs, local databases, scratch space.
      'test-results/**',
      'playwright-report/**',
      'reports/**',
      'data/**',
      'tmp/**',
      'scratch/**',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // New code gets no `any`: type it, or take `unknown` and narrow it.
      '@typescript-eslint/no-explicit-any': 'error',
      // `_name` marks a binding kept on purpose (a skipped tuple element, a property taken out of a rest).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // `catch {}` is how this code says "best effort, nothing to do if it fails".
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  {
    // Code that runs in the browser: the portal's React islands, the site's pages, Payload's admin components.
    files: ['site/**/*.{ts,tsx,astro}', 'site/**/*.astro/*.{js,ts}', 'cms/components/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The classic hook rules only: the React Compiler rules of the plugin's `recommended` config
    // cost ~10 s on 2 cores and this code is not compiled by the React Compiler.
    files: ['site/portal/**/*.tsx', 'cms/components/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // Payload writes every migration's `up`/`down({ db, payload, req })` signature, used or not.
    files: ['cms/migrations/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-vars': 'off' },
  },
)
