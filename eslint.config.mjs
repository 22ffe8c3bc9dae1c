/**
 * Lint rules that keep the house tidy (issue 16): typescript-eslint's recommended rules, no
 * import cycles, no unused code, functions simple enough to read at once (complexity 15,
 * 60 lines). Formatting is Prettier's business (.prettierrc.json), so the
 * rules that would fight it are off (eslint-config-prettier, last).
 */
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/** Node's globals, for the plain JavaScript files (scripts, test helpers); TypeScript knows them from @types/node. */
const nodeGlobals = Object.fromEntries(
  [
    'require',
    'module',
    'exports',
    'process',
    '__dirname',
    '__filename',
    'console',
    'Buffer',
    'URL',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
    'setImmediate',
  ].map((name) => [name, 'readonly']),
);

export default tseslint.config(
  {
    // Generated or built files, and the explorer (a browser app with its own tsconfig and checks).
    ignores: ['dist/**', 'coverage/**', 'node_modules/**', 'migrations/**', 'explorer/**', '**/*.d.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      // TypeScript files are modules to follow (not only .js), parsed as TypeScript.
      'import-x/extensions': ['.ts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json'] })],
    },
    rules: {
      // Type-only imports do not load modules; every other cycle does, whatever its length.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      complexity: ['error', 15],
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      // Modules loaded lazily on purpose: the IDE bundle only for browsers, tracing only when it is on.
      '@typescript-eslint/no-require-imports': ['error', { allow: ['^@graphql-yoga/render-graphiql$', '^@opentelemetry/', '^\\./tracing-sdk$'] }],
      '@typescript-eslint/no-this-alias': ['error', { allowedNames: ['instrumentation'] }],
      'no-unused-expressions': 'off',
      '@typescript-eslint/no-unused-expressions': 'error',
    },
  },
  {
    // Tests read best as one long describe; their length is not a smell.
    files: ['tests/**/*.ts', 'src/**/*.spec.ts'],
    rules: { 'max-lines-per-function': 'off' },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    languageOptions: { globals: nodeGlobals },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
