/**
 * Memory over a long training run in the page (issue 16): trains the digits template on wasm in
 * headless Chromium for `--minutes`, and every `--every` seconds prints a JSON line with the
 * renderer process's resident memory (the page, its engine worker with TF.js's WebAssembly heap
 * and their GPU buffers live in it; from /proc), the page's JS heap (CDP Performance.getMetrics)
 * and the step reached. A last line compares the end with the first sample after `--warmup` seconds
 * (flat: within 10%). Figures, never assertions.
 *
 *   npx tsx scripts/probe/memory.ts [--minutes 10] [--every 30] [--warmup 60] [--dist dist] [--backend wasm]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../../e2e/chromium';
import { option, startPreview } from './previewServer';

/** Resident memory (MB) of every Chromium renderer process on this machine, summed. */
function rendererRssMb(): number {
  let kb = 0;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmdline.includes('--type=renderer')) continue;
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (match) kb += Number(match[1]);
    } catch {
      // the process ended meanwhile
    }
  }
  return Math.round(kb / 1024);
}

async function step(page: Page): Promise<number> {
  const text = await page.getByTestId('run-step').textContent({ timeout: 2000 }).catch(() => null);
  return Number(/step (\d+)/.exec(text ?? '')?.[1] ?? 0);
}

async function main(): Promise<void> {
  const minutes = Number(option('minutes', '10'));
  const every = Number(option('every', '30'));
  const warmup = Number(option('warmup', '60'));
  const backend = option('backend', 'wasm');
  const preview = await startPreview(option('dist', 'dist'));
  const options = chromiumLaunchOptions();
  const browser = await chromium.launch({ ...options, args: [...(options.args ?? []), '--enable-precise-memory-info'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${preview.base}/?backend=${backend}`);
    await page.locator('[role="status"][data-backend]:not([data-backend=""])').waitFor({ timeout: 120_000 });
    const run = page.getByRole('region', { name: 'Run' });
    await page.getByRole('button', { name: /Small LIF classifier/ }).click();
    await page.getByTestId('node-lif1').waitFor();
    await run.getByLabel('Epochs', { exact: true }).fill('100000');
    await run.getByRole('button', { name: 'Train', exact: true }).click();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const started = Date.now();
    const samples: Array<{ t: number; rss: number; pageHeap: number }> = [];
    while (Date.now() - started < minutes * 60_000) {
      await new Promise((r) => setTimeout(r, every * 1000));
      const { metrics } = await cdp.send('Performance.getMetrics') as { metrics: Array<{ name: string; value: number }> };
      const pageHeap = Math.round((metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 2 ** 20);
      const sample = { t: Math.round((Date.now() - started) / 1000), rss: rendererRssMb(), pageHeap };
      samples.push(sample);
      console.log(JSON.stringify({ probe: 'memory', backend, t_s: sample.t, step: await step(page), renderer_rss_mb: sample.rss, page_js_heap_mb: sample.pageHeap }));
    }
    const base = samples.find((s) => s.t >= warmup) ?? samples[0];
    const last = samples[samples.length - 1];
    const growth = (a: number, b: number) => (a > 0 ? Math.round(((b - a) / a) * 1000) / 10 : null);
    console.log(JSON.stringify({
      probe: 'memory-summary', backend, minutes, warmup_s: warmup, from_t_s: base.t, to_t_s: last.t,
      renderer_rss_mb: [base.rss, last.rss], renderer_rss_growth_pct: growth(base.rss, last.rss),
      page_js_heap_mb: [base.pageHeap, last.pageHeap], page_js_heap_growth_pct: growth(base.pageHeap, last.pageHeap),
      max_renderer_rss_mb: Math.max(...samples.map((s) => s.rss)),
    }));
  } finally {
    await browser.close();
    preview.stop();
  }
}

await main();
