// ESLint (flat config) with typescript-eslint for correctness and eslint-plugin-jsdoc to hold every
// export to the JSDoc rule of DESIGN.md; Prettier owns formatting. Purity and layering are also
// enforced by tests/architecture, which explain each violation. eslint-plugin-regexp holds every
// regular expression in src to linear time (DESIGN.md rule 11): a pattern that backtracks
// super-linearly lets one long field typed by a patient block the event loop that parses it.
import jsdoc from 'eslint-plugin-jsdoc';
import regexp from 'eslint-plugin-regexp';
import tseslint from 'typescript-eslint';

const exportedFunctions = [
  'ExportNamedDeclaration > VariableDeclaration > VariableDeclarator > ArrowFunctionExpression',
  'ExportNamedDeclaration > FunctionDeclaration',
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'coverage/**',
      'docs/api/**',
      'docs/site/**',
      'node_modules/**',
      'tests/dist/**',
      'reports/**',
      '.tmp/**',
      '.bench-tmp/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // `interface Slot extends z.infer<typeof SlotSchema> {}` names a model's type: an alias of
      // z.infer is not kept by the compiler, so editors and the API pages would print the whole
      // expanded object wherever the model is used.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
      eqeqeq: 'error',
      'no-var': 'error',
      'prefer-const': 'error',
    },
  },
  {
    files: ['src/**/*.ts'],
    plugins: { jsdoc, regexp },
    rules: {
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
      'jsdoc/require-jsdoc': [
        'error',
        {
          publicOnly: true,
          require: { ArrowFunctionExpression: true, FunctionDeclaration: true },
          contexts: [
            'TSInterfaceDeclaration',
            'TSTypeAliasDeclaration',
            'ExportNamedDeclaration > VariableDeclaration',
          ],
        },
      ],
      'jsdoc/require-example': ['error', { contexts: exportedFunctions }],
      'jsdoc/check-param-names': 'error',
      'jsdoc/no-types': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'src is pure: no Node built-ins (DESIGN.md rule 1).' },
            {
              group: ['fp-ts', 'fp-ts/*'],
              message: 'Import results from core/result.ts, the one place that imports fp-ts.',
            },
            {
              // `#rrule` is the package's import map entry; a leading `#` starts a comment in
              // these gitignore-style patterns, hence the backslash.
              group: ['rrule', 'rrule/*', '\\#rrule'],
              message: 'Import rrule through internal/rrule.ts (ESM/CJS shim).',
            },
            { group: ['luxon'], message: 'Use core/time.ts; luxon stays in internal/zone.ts.' },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'No clock: take `now` as a parameter.',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'No clock: take `now` as a parameter.',
        },
        {
          selector: "MemberExpression[object.name='Math'][property.name='random']",
          message: 'No randomness in src.',
        },
        { selector: "Identifier[name='console']", message: 'No console in src.' },
        { selector: "Identifier[name='process']", message: 'No process in src.' },
        { selector: "CallExpression[callee.name='fetch']", message: 'No I/O in src.' },
      ],
    },
  },
  { files: ['src/core/result.ts'], rules: { 'no-restricted-imports': 'off' } },
  { files: ['src/internal/**'], rules: { 'jsdoc/require-example': 'off' } },
  { files: ['src/internal/rrule.ts', 'src/internal/zone.ts'], rules: { 'no-restricted-imports': 'off' } },
);
