// ESLint flat config: typescript-eslint with type information, and the layer rule of
// docs/architecture.md (an import against it fails the lint, and so CI).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** What each folder of src/ must not import (docs/architecture.md draws the same picture). */
const LAYERS = {
  // The message catalog and the formatting for people: usable by every layer, so it uses none.
  i18n: ['standard', 'soap', 'pi', 'outbox', 'siafi', 'store', 'sources', 'upload', 'export', 'library', 'simulator', 'cli', 'console'],
  standard: ['soap', 'pi', 'siafi', 'store', 'sources', 'export', 'library', 'simulator', 'cli', 'console'],
  soap: ['pi', 'siafi', 'store', 'sources', 'export', 'library', 'simulator', 'cli', 'console'],
  pi: ['outbox', 'siafi', 'store', 'sources', 'export', 'library', 'simulator', 'cli', 'console'],
  siafi: ['pi', 'store', 'sources', 'export', 'library', 'simulator', 'cli', 'console'],
  store: ['outbox', 'soap', 'pi', 'siafi', 'sources', 'export', 'library', 'simulator', 'cli', 'console'],
  sources: ['soap', 'pi', 'siafi', 'store', 'export', 'library', 'simulator', 'cli', 'console'],
  outbox: ['sources', 'export', 'library', 'upload', 'simulator', 'cli', 'console'],
  upload: ['store', 'sources', 'export', 'library', 'simulator', 'cli', 'console'],
  export: ['library', 'upload', 'simulator', 'cli', 'console'],
  library: ['export', 'upload', 'sources', 'simulator', 'cli', 'console'],
  // The console reads the store (and the report); it sends nothing itself.
  console: ['soap', 'pi', 'siafi', 'sources', 'outbox', 'upload', 'export', 'library', 'simulator', 'cli'],
  // The compliance report reads a store; the CLI and the console show it.
  report: ['soap', 'pi', 'siafi', 'sources', 'outbox', 'upload', 'export', 'library', 'simulator', 'cli', 'console'],
  // The simulators share the data standard, never the clients they are tested against.
  simulator: ['soap', 'pi', 'siafi', 'store', 'sources', 'export', 'library', 'upload', 'cli', 'console'],
};

const layerRules = Object.entries(LAYERS).map(([layer, forbidden]) => ({
  files: [`src/${layer}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: forbidden.map((f) => ({
          group: [`../${f}/*`, `../../${f}/*`, `../${f}`, `../../${f}`],
          message: `src/${layer} must not import src/${f} (docs/architecture.md)`,
        })),
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'bench/out/**'] },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { languageOptions: { globals: { ...globals.node } } },
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { project: ['./tsconfig.check.json'], tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/await-thenable': 'error',
      'no-shadow': 'off',
      // builtinGlobals: a parameter named `process` or `Buffer` hides Node's own.
      '@typescript-eslint/no-shadow': [
        'error',
        { builtinGlobals: true, hoist: 'functions', ignoreTypeValueShadow: true, ignoreFunctionTypeParameterNameValueShadow: true },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  { files: ['**/*.{js,mjs,cjs}'], ...tseslint.configs.disableTypeChecked },
  { files: ['**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  ...layerRules,
);
