import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/chromium';

// Browser journeys run against the production build (`vite build` then `vite preview`), the
// same bundle a person gets. Chromium is Debian's (CHROME_PATH overrides), never a download.
// SPIKELAB_PORT / SPIKELAB_DIST let two builds be tested side by side (default 4174, dist/);
// `npm run test:e2e` (scripts/e2e.mjs) picks a free port and always starts its own server, so it
// neither clashes with nor reuses `npm start`'s on 4173.
const port = Number(process.env.SPIKELAB_PORT ?? 4174);
const outDir = process.env.SPIKELAB_DIST ?? 'dist';

export default defineConfig({
  testDir: 'e2e',
  timeout: 180_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: chromiumLaunchOptions(),
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort --outDir ${outDir}`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI && !process.env.SPIKELAB_E2E_OWN_SERVER,
    timeout: 60_000,
  },
});
