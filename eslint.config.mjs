// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';
import importPlugin from 'eslint-plugin-import';
import prettier from 'eslint-config-prettier';

const APPS = ['case-api', 'case-worker', 'cli'];
const LIBS = ['case-domain', 'event-store', 'read-models', 'case-runtime', 'privacy', 'sql', 'audit', 'billing'];

/**
 * The rooms of the monorepo and what each may import (README, "Layout"): apps import only
 * libraries, never each other; libraries never import apps; the domain imports nothing of
 * ours; nobody reaches into another library's tests or benchmarks.
 */
const boundaries = [
  ...APPS.map((app) => ({
    target: `./apps/${app}`,
    from: APPS.filter((other) => other !== app).map((other) => `./apps/${other}`),
    message: 'An app imports libraries only, never another app.',
  })),
  { target: './libs', from: './apps', message: 'A library never imports an app.' },
  {
    target: './libs/case-domain',
    from: LIBS.filter((lib) => lib !== 'case-domain').map((lib) => `./libs/${lib}`),
    message: 'The case domain depends on nothing of ours.',
  },
  ...LIBS.map((lib) => ({
    target: ['./apps', ...LIBS.filter((other) => other !== lib).map((other) => `./libs/${other}`)],
    from: [`./libs/${lib}/test`, `./libs/${lib}/bench`],
    message: "Tests and benchmarks are their library's own: import the library's public index instead.",
  })),
];

/** Another library is imported by its public name (`@app/<lib>`, `@app/<lib>/testing`), never by a path into it. */
const CROSS_LIBRARY_PATH = {
  regex: `(^|/)\\.\\./(${[...LIBS, 'libs', 'apps'].join('|')})(/|$)`,
  message: 'Import another library by its public name (@app/<lib> or @app/<lib>/testing), not by a path into it.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.data/**', '**/*.js', '*.mjs'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { import: importPlugin },
    // Relative imports are resolved to files, which is all the zones need: the `@app/*` names
    // lead only to a library's public face, and the rules below keep them so.
    settings: { 'import/resolver': { node: { extensions: ['.ts', '.js'] } } },
    rules: {
      'import/no-restricted-paths': ['error', { zones: boundaries }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-empty-object-type': ['error', { allowWithName: 'Request$' }],
      'max-len': ['error', { code: 120, ignoreUrls: true, ignoreStrings: true, ignoreTemplateLiterals: true }],
      'no-restricted-imports': ['error', { patterns: [CROSS_LIBRARY_PATH] }],
    },
  },
  {
    // The domain is pure: XState and its own modules, nothing else (no Node, no framework, no I/O).
    files: ['libs/case-domain/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            CROSS_LIBRARY_PATH,
            { regex: '^(?!xstate$|\\.)', message: 'libs/case-domain imports nothing but xstate.' },
          ],
        },
      ],
    },
  },
  prettier,
);
