/**
 * Headless-Chromium driver for the browser backends of `spikelab bench`: serves the built
 * bench.html with `vite preview` (building it into $SPIKELAB_DIST, default dist-gpu/, when it is
 * missing or --build is given), opens it with the e2e launch options (WebGPU on; SwiftShader
 * where there is no GPU) and ?autorun=1, and prints each cell's JSON line as it arrives.
 *   npx tsx scripts/bench/browserBench.ts --backend webgpu,webgl --workload A,C [--path both]
 *     [--T 32 --batch 16 --hidden 32 --steps 5 --repeats 3 --warmup 2 --latency 3] [--full] [--build]
 * Port: $SPIKELAB_PORT (default 4273). Timeout: $SPIKELAB_BENCH_TIMEOUT_S (default 1800).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../../e2e/chromium';
import { pageQuery, parseDriverArgs } from './driverArgs';

async function waitForServer(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`vite preview did not answer at ${url} within ${ms} ms`);
}

async function main(): Promise<number> {
  const args = parseDriverArgs(process.argv.slice(2));
  const port = Number(process.env.SPIKELAB_PORT ?? 4273);
  const outDir = process.env.SPIKELAB_DIST ?? 'dist-gpu';
  if (args.build || !existsSync(`${outDir}/bench.html`)) {
    const built = spawnSync('npx', ['vite', 'build', '--outDir', outDir], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (built.status !== 0) throw new Error(`vite build --outDir ${outDir} failed`);
  }
  let server: ChildProcess | undefined;
  const base = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    if (await fetch(base).then(() => true, () => false)) {
      throw new Error(`port ${port} is already served by another process; set SPIKELAB_PORT to a free port`);
    }
    // vite's own entry under this Node (not npx), so the pid below is the server itself.
    server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', outDir],
      { stdio: 'ignore', detached: true });
    await waitForServer(`${base}/bench.html`, 30_000);
    const page = await browser.newPage();
    page.on('pageerror', (e) => process.stderr.write(`pageerror: ${e.message}\n`));
    await page.goto(`${base}/bench.html?${pageQuery(args)}`);
    const deadline = Date.now() + Number(process.env.SPIKELAB_BENCH_TIMEOUT_S ?? 1800) * 1000;
    let printed = 0;
    let failed = 0;
    for (;;) {
      const report = await page.evaluate(() => (globalThis as unknown as { spikelabBench: { done: boolean; cells: unknown[]; errors: unknown[] } }).spikelabBench);
      for (; printed < report.cells.length; printed++) process.stdout.write(`${JSON.stringify(report.cells[printed])}\n`);
      if (report.done) {
        for (const e of report.errors) process.stdout.write(`${JSON.stringify({ error: e })}\n`);
        failed = report.errors.length;
        break;
      }
      if (Date.now() > deadline) throw new Error('the bench page did not finish in time (SPIKELAB_BENCH_TIMEOUT_S)');
      await new Promise((r) => setTimeout(r, 500));
    }
    return failed ? 2 : 0;
  } finally {
    await browser.close().catch(() => undefined);
    try {
      if (server?.pid) process.kill(-server.pid, 'SIGTERM'); // the preview's own process group (detached)
    } catch {
      // already gone
    }
  }
}

main().then((code) => process.exit(code), (error) => {
  process.stdout.write(`${JSON.stringify({ error: { code: 'BENCH_BROWSER', message: String(error?.message ?? error), hint: 'Check that Chromium is installed (CHROME_PATH) and that `npx vite build` works.' } })}\n`);
  process.exit(2);
});
