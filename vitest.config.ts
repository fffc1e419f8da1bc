import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores here and in CI: TF.js kernels are single-threaded, so two forks use the machine.
    pool: 'forks',
    maxWorkers: 2,
    // tfjs-core's ESM build uses extension-less imports that Node's own loader rejects; let Vite
    // transform it (and the backends, so that one copy of tfjs-core is shared).
    server: { deps: { inline: [/@tensorflow\//] } },
  },
});
