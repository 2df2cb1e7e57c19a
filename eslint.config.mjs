// Lint rules, including the workflow-purity rules of Temporal's samples: workflow
// code may import only @temporalio/workflow (+ common), contracts and pure domain code.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const workflowBanned = [
  { group: ['node:*'], message: 'Workflow code is deterministic: no Node built-ins.' },
  ...['fs', 'path', 'crypto', 'child_process', 'os', 'http', 'https', 'net', 'util', 'events', 'stream', 'timers'].map((m) => ({
    group: [m],
    message: 'Workflow code is deterministic: no Node built-ins.',
  })),
  { group: ['@nestjs/*'], message: 'Nest belongs to the API, never the workflow bundle.' },
  { group: ['typeorm', 'typeorm/*', 'pg', 'pg-*'], message: 'Database access belongs in activities.' },
  {
    group: ['@temporalio/client', '@temporalio/worker', '@temporalio/activity', '@temporalio/testing'],
    message: 'Workflow code imports only @temporalio/workflow.',
  },
  {
    group: ['chinese-days', '**/official-seed', '**/derived-holidays', '**/bundled-calendar'],
    message: 'Calendar data reaches workflows through an activity.',
  },
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', '.tools/**', '.data/**', 'coverage/**', '**/*.js', '**/*.mjs', 'test/replay/histories/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    ignores: ['apps/web/**'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
    },
  },
  {
    files: ['workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: workflowBanned }],
      // Activities are imported as types only (proxyActivities<typeof ...>).
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['**/activities', '**/activities/*'], allowTypeImports: true, message: 'Import activities as types only.' }],
        },
      ],
    },
  },
  {
    // Pure domain code is imported by workflows, so it obeys the same bans.
    files: ['libs/calendar/**/*.ts', 'libs/deadline/**/*.ts', 'libs/contracts/**/*.ts', 'libs/case/**/*.ts'],
    ignores: ['**/*.spec.ts', 'libs/calendar/official-seed.ts', 'libs/calendar/derived-holidays.ts', 'libs/calendar/bundled-calendar.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: workflowBanned }] },
  },
  {
    files: ['**/*.spec.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // The web app (apps/web) is type-checked by its own tsconfig (DOM, JSX); linted without type information here.
    files: ['apps/web/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
    },
  },
);
