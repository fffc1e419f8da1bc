/**
 * What the probe scripts share: `--name value` options, and the built app served by `vite preview`
 * on a free port (built first into `dist` when it has no index.html), stopped by `stop()`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

export function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export async function startPreview(dist: string, build = false): Promise<{ base: string; stop(): void }> {
  if (build || !existsSync(`${dist}/index.html`)) {
    const built = spawnSync('npx', ['vite', 'build', '--outDir', dist], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (built.status !== 0) throw new Error(`vite build --outDir ${dist} failed`);
  }
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // vite's own entry under this Node (not npx), so the pid is the server itself.
  const server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', dist],
    { stdio: 'ignore', detached: true });
  const stop = () => {
    if (server.pid) {
      try {
        process.kill(-server.pid);
      } catch {
        // already gone
      }
    }
  };
  const until = Date.now() + 30_000;
  while (!(await fetch(base).then((r) => r.ok, () => false))) {
    if (Date.now() > until) {
      stop();
      throw new Error(`vite preview did not answer at ${base} within 30 s`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { base, stop };
}
