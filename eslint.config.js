// Lint enforces the boundaries of ../shared/DESIGN.md §1 as well as code quality:
//  - src/engine is framework-free: no React, zustand, comlink, xyflow, no window/document;
//  - TF.js is imported only under src/engine/tensor/, h5wasm only under src/engine/hdf5/;
//  - the UI never imports the tensor runtime (TF.js stays in the worker bundle);
//  - src/harness/ (benchmarks, conformance suites, their pages) may use TF.js; product code never imports it;
//  - inside src/engine/tensor/ imports only run down the layers (docs/tensor.md):
//      runtime/ ← kernels/ (contracts, registry, plain reference) ← webgpu/, cpu/ (backends, each
//      registering into kernels/registry) ← data/ ← program/ ← train/,
//    and the layers above the backends reach a backend only through the registry.
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
const noHarness = { group: ['**/harness', '**/harness/*'], message: 'Product code never imports src/harness/ (benchmarks and conformance suites live outside the product path).' };
const tensorLayer = (folders, why) => ({ group: folders.flatMap((f) => [`../${f}`, `../${f}/*`, `../../${f}/*`, `./${f}/*`]), message: `Imports in src/engine/tensor/ run down the layers (docs/tensor.md): ${why}` });
const aboveBackends = ['data', 'program', 'train'];
const backends = ['webgpu', 'cpu'];
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
    files: ['src/engine/**/*.ts'],
    ignores: ['src/engine/**/*.test.ts'],
    rules: { 'no-restricted-imports': restricted(noUi, noTf, noH5, noHarness) },
  },
  {
    files: ['src/engine/tensor/**/*.ts'],
    ignores: ['src/engine/**/*.test.ts'],
    rules: { 'no-restricted-imports': restricted(noUi, noH5, noHarness) },
  },
  {
    files: ['src/engine/tensor/runtime/**/*.ts'],
    ignores: ['src/engine/**/*.test.ts'],
    rules: { 'no-restricted-imports': restricted(noUi, noH5, noHarness, tensorLayer(['kernels', ...backends, ...aboveBackends], 'runtime/ is the bottom layer.')) },
  },
  {
    files: ['src/engine/tensor/kernels/**/*.ts'],
    ignores: ['src/engine/**/*.test.ts'],
    rules: { 'no-restricted-imports': restricted(noUi, noH5, noHarness, tensorLayer([...backends, ...aboveBackends], 'kernels/ holds the contracts; backends register into it.')) },
  },
  {
    files: ['src/engine/tensor/webgpu/**/*.ts', 'src/engine/tensor/cpu/**/*.ts'],
    ignores: ['src/engine/**/*.test.ts'],
    rules: { 'no-restricted-imports': restricted(noUi, noH5, noHarness, tensorLayer(aboveBackends, 'a backend implements contracts of kernels/ and knows nothing of the layers above.')) },
  },
  {
    files: ['src/engine/tensor/data/**/*.ts', 'src/engine/tensor/program/**/*.ts', 'src/engine/tensor/train/**/*.ts'],
    ignores: ['src/engine/**/*.test.ts'],
    rules: { 'no-restricted-imports': restricted(noUi, noH5, noHarness, tensorLayer(backends, 'the layers above the backends reach one only through kernels/registry.ts.')) },
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
