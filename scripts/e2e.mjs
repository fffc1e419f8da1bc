#!/usr/bin/env node
/**
 * Runs the Playwright journeys on a free port, so `npm test` works while `npm start` (4173) or
 * another test run is serving: the preview server of the tests never clashes with, or reuses, a
 * server someone left running. SPIKELAB_PORT fixes the port; arguments go to `playwright test`.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const port = process.env.SPIKELAB_PORT ?? String(await freePort());
console.log(`e2e: preview server on http://127.0.0.1:${port}`);
const child = spawn('npx', ['playwright', 'test', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, SPIKELAB_PORT: port, SPIKELAB_E2E_OWN_SERVER: '1' },
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
