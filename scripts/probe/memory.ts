/**
 * Memory over a long training run in the page (issue 16): trains the digits template on wasm in
 * headless Chromium for `--minutes`, and every `--every` seconds prints a JSON line with the
 * resident memory of the renderer processes of the Chromium this script starts (the page, its
 * engine worker with TF.js's WebAssembly heap live there; from /proc), the page's JS heap (CDP
 * Performance.getMetrics) and the step reached. A last line compares the end with the start after
 * `--warmup` seconds (means of three samples each; flat: within 10%). Figures, never assertions.
 *
 *   npx tsx scripts/probe/memory.ts [--minutes 10] [--every 30] [--warmup 60] [--dist dist] [--backend wasm]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../../e2e/chromium';
import { option, startPreview } from './previewServer';

/** Parent pid of every process on this machine. */
function parents(): Map<number, number> {
  const map = new Map<number, number>();
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ')'.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      map.set(Number(pid), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // the process ended meanwhile
    }
  }
  return map;
}

/** Resident memory (MB) of the Chromium renderer processes this script started (its descendants), summed. */
function rendererRssMb(): number {
  const parent = parents();
  const ours = (pid: number) => {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) if (p === process.pid) return true;
    return false;
  };
  let kb = 0;
  for (const pid of parent.keys()) {
    if (!ours(pid)) continue;
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) continue;
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
    // Mean of the first three samples after warm-up against the mean of the last three: the JS heap
    // is a garbage-collection sawtooth, a single sample says little.
    const settled = samples.filter((s) => s.t >= warmup);
    const used = settled.length >= 2 ? settled : samples;
    const k = Math.max(1, Math.min(3, Math.floor(used.length / 2)));
    const mean = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) / xs.length);
    const first = used.slice(0, k);
    const last = used.slice(-k);
    const growth = (a: number, b: number) => (a > 0 ? Math.round(((b - a) / a) * 1000) / 10 : null);
    const rss = [mean(first.map((s) => s.rss)), mean(last.map((s) => s.rss))];
    const heap = [mean(first.map((s) => s.pageHeap)), mean(last.map((s) => s.pageHeap))];
    console.log(JSON.stringify({
      probe: 'memory-summary', backend, minutes, warmup_s: warmup, from_t_s: first[0].t, to_t_s: last[last.length - 1].t, samples_averaged: k,
      renderer_rss_mb: rss, renderer_rss_growth_pct: growth(rss[0], rss[1]),
      page_js_heap_mb: heap, page_js_heap_growth_pct: growth(heap[0], heap[1]),
      max_renderer_rss_mb: Math.max(...samples.map((s) => s.rss)),
    }));
  } finally {
    await browser.close();
    preview.stop();
  }
}

await main();
