// Lint enforces the boundaries of ../shared/DESIGN.md §1 as well as code quality:
//  - src/engine is framework-free: no React, zustand, comlink, xyflow, no window/document;
//  - TF.js is imported only under src/engine/tensor/, h5wasm only under src/engine/hdf5/;
//  - the UI never imports the tensor runtime (TF.js stays in the worker bundle).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const uiLibraries = ['react', 'react-dom', 'react-dom/*', 'react/*', 'zustand', 'zustand/*', 'comlink', '@xyflow/*'];
const uiLibraryMessage = 'src/engine is framework-free (DESIGN.md §1): it runs in the worker, in Node and in the CLI.';
const tfMessage = 'TF.js is imported only under src/engine/tensor/ (DESIGN.md §1).';
const h5Message = 'h5wasm is imported only under src/engine/hdf5/ (DESIGN.md §1).';

function restricted(...groups) {
  return ['error', { patterns: groups.flat() }];
}
const noUi = { group: uiLibraries, message: uiLibraryMessage };
const noTf = { group: ['@tensorflow/*'], message: tfMessage };
const noH5 = { group: ['h5wasm', 'h5wasm/*'], message: h5Message };
const noEngineTensorFromUi = {
  group: ['**/engine/tensor', '**/engine/tensor/*', '@tensorflow/*', 'h5wasm', 'h5wasm/*'],
  message: 'The UI reaches the engine only through the worker (DESIGN.md §1, rule 3): never the tensor runtime.',
};

export default tseslint.config(
  { ignores: ['dist/', 'dist-*/', 'node_modules/', 'test-results/', 'playwright-report/', 'public/', '.device/', '.gl/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    languageOptions: { globals: { ...globals.worker, ...globals.node } },
    rules: {
      'no-restricted-imports': restricted(noUi, noTf, noH5),
      'no-restricted-globals': ['error',
        { name: 'window', message: uiLibraryMessage },
        { name: 'document', message: uiLibraryMessage }],
    },
  },
  {
    files: ['src/engine/tensor/**/*.ts'],
    rules: { 'no-restricted-imports': restricted(noUi, noH5) },
  },
  {
    files: ['src/harness/**/*.ts'],
    languageOptions: { globals: { ...globals.browser, ...globals.worker, ...globals.node } },
    rules: { 'no-restricted-imports': restricted(noUi, noH5) },
  },
  {
    files: ['src/engine/hdf5/**/*.ts'],
    rules: { 'no-restricted-imports': restricted(noUi, noTf) },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': restricted(noEngineTensorFromUi),
    },
  },
);
