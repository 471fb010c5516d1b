// @ts-check
import tseslint from 'typescript-eslint';

// recommendedTypeChecked + stylisticTypeChecked. strictTypeChecked was tried: ~1,100 findings, most of them
// numbers in template strings, arrow shorthands returning void and a ban on every `!` (which noUncheckedIndexedAccess
// makes the honest spelling right after a length check); no-unnecessary-type-assertion already removes stale ones.
export default tseslint.config(
  {
    // The .mjs/.js build scripts and launchers are outside tsconfig.json, where the type-checked rules cannot follow.
    ignores: ['**/dist/**', '**/node_modules/**', 'test/fixtures/**', 'examples/**', '**/out/**', 'test-artifacts/**', 'bench/.work/**', '**/*.mjs', '**/*.js'],
  },
  {
    files: ['server/src/**/*.ts', 'client/src/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked, tseslint.configs.stylisticTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Dropping a key by destructuring it away (`const { gone, ...rest } = o`) is the point, not an oversight.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      // `!a || !b || a.x !== b.x` guards name each missing case; the rewrite to a chain reads worse, not better.
      '@typescript-eslint/prefer-optional-chain': 'off',
      // `||` on a string is how this code treats an empty setting or variable as unset.
      '@typescript-eslint/prefer-nullish-coalescing': ['error', { ignorePrimitives: { string: true } }],
      // node:test's describe/it/test return promises that the runner itself awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite'] }] },
      ],
    },
  },
  {
    // LSP custom requests follow vscode-languageserver's `XRequest.type` namespace convention, which both sides import.
    files: ['server/src/shared/protocol.ts'],
    rules: { '@typescript-eslint/no-namespace': 'off' },
  },
);
