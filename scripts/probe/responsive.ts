/**
 * How the lab answers a person while it trains (issue 12), measured in headless Chromium on the
 * built app: for each backend × template it opens the lab, starts training, and for `--seconds`
 * of training records
 *  - main-thread long tasks after the first step (PerformanceObserver 'longtask': count, longest),
 *  - click → reaction: a click on a canvas node (selecting it re-renders the inspector), from the
 *    input event's timestamp to the next animation frame after its handler (median, max),
 *  - frames the page drew per second (requestAnimationFrame callbacks),
 *  - Pause: from the click to the last step counter change and to the 'paused' phase (null, with
 *    `phase_at_pause`, where the run ended inside the window),
 *  - on webgpu, the engine worker's queue submits and buffer maps (read-backs) per training step
 *    over the same window (./workerGpuCounts.ts).
 * One JSON line per cell on stdout; progress on stderr. Figures, never assertions.
 *
 *   npx tsx scripts/probe/responsive.ts [--backends wasm,webgpu] [--templates digits,conv]
 *     [--seconds 60] [--clicks 20] [--dist dist] [--build]
 */
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../../e2e/chromium';
import { clickReactionProbe, installPageProbes, type PageProbeReport } from './pageProbes';
import { option, startPreview } from './previewServer';
import { countWorkerGpuTraffic } from './workerGpuCounts';

const TEMPLATES = {
  // Epochs enough that training outlasts the window (the digits template ran its 200 epochs, 8,800 steps, in 60 s on wasm).
  digits: { label: /Small LIF classifier/, node: 'lif1', nodes: ['lif1', 'fc1'], epochs: '5000' },
  conv: { label: /N-MNIST conv net/, node: 'conv1', nodes: ['conv1', 'lif1'], epochs: '20' },
} as const;
type TemplateName = keyof typeof TEMPLATES;

const median = (xs: number[]) => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const round = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);
const perStep = (count: number, steps: number) => Math.round((count / steps) * 100) / 100;

/** The step counter the page shows, or null when the page does not answer within a second. */
async function readStep(page: Page): Promise<number | null> {
  const text = await page.getByTestId('run-step').textContent({ timeout: 1000 }).catch(() => null);
  const match = text === null ? null : /step (\d+)/.exec(text);
  return match ? Number(match[1]) : text === null ? null : 0;
}

async function phaseOf(page: Page): Promise<string> {
  return (await page.locator('.run-progress').getAttribute('data-phase', { timeout: 1000 }).catch(() => null)) ?? '';
}

/** A labelled region, as the e2e page object finds one (a section, or an aside / form by its label). */
function region(page: Page, name: string) {
  return page.getByRole('region', { name }).or(page.getByLabel(name, { exact: true })).first();
}

async function probeCell(page: Page, base: string, backend: string, template: TemplateName, seconds: number, clicks: number) {
  const spec = TEMPLATES[template];
  await installPageProbes(page);
  const traffic = countWorkerGpuTraffic(page);
  await page.goto(`${base}/?backend=${backend}`);
  await page.getByRole('status').and(page.locator('[data-backend]:not([data-backend=""])')).waitFor({ timeout: 180_000 });
  await region(page, 'Palette').getByRole('button', { name: spec.label }).click();
  await page.getByTestId(`node-${spec.node}`).waitFor({ timeout: 30_000 });
  await region(page, 'Run').getByLabel('Epochs', { exact: true }).fill(spec.epochs);
  const train = region(page, 'Run').getByRole('button', { name: 'Train', exact: true });
  await train.click();
  const started = Date.now();
  // The first step: compiling and uploading are not what a person waits on while training.
  while (((await readStep(page)) ?? 0) < 1) {
    if (Date.now() - started > 300_000) throw new Error('no training step within 300 s');
    if ((await phaseOf(page)) === 'error') throw new Error(`training failed: ${await page.locator('.run-progress').textContent()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const firstStepMs = Date.now() - started;
  await page.evaluate(() => (globalThis as unknown as { spikelabProbe: { start(): void } }).spikelabProbe.start());
  const trainingStarted = Date.now();
  const stepAtStart = (await readStep(page)) ?? 0;
  const trafficAtStart = await traffic.read();
  const reactions: number[] = [];
  const interval = (seconds * 1000) / (clicks + 1);
  for (let i = 0; i < clicks; i++) {
    await new Promise((r) => setTimeout(r, Math.max(0, trainingStarted + (i + 1) * interval - Date.now())));
    const reaction = await clickReactionProbe(page, `node-${spec.nodes[i % spec.nodes.length]}`);
    if (reaction !== null) reactions.push(reaction);
  }
  await new Promise((r) => setTimeout(r, Math.max(0, trainingStarted + seconds * 1000 - Date.now())));
  let stepsAtPause = await readStep(page);
  for (let tries = 0; stepsAtPause === null && tries < 30; tries++) stepsAtPause = await readStep(page);
  if (stepsAtPause === null) stepsAtPause = -1; // the page never answered
  const trafficAtPause = await traffic.read();
  const windowSteps = Math.max(1, stepsAtPause - stepAtStart);
  const report = await page.evaluate(() => (globalThis as unknown as { spikelabProbe: { report(): PageProbeReport } }).spikelabProbe.report());
  const phaseAtPause = await phaseOf(page); // 'training' unless the run ended inside the window (then the Pause figures are null)
  // Pause: the click, then the step counter until the phase says paused (or 60 s).
  const pauseButton = region(page, 'Run').getByRole('button', { name: /^Paus/ });
  const clicked = Date.now();
  let lastStep = stepsAtPause;
  let lastStepAt = clicked;
  let pausedAt: number | null = null;
  if (phaseAtPause === 'training' && await pauseButton.isVisible()) {
    await pauseButton.click({ timeout: 30_000 });
    while (Date.now() - clicked < 60_000) {
      const step = await readStep(page);
      if (step !== null && step !== lastStep) {
        lastStep = step;
        lastStepAt = Date.now();
      }
      const phase = await phaseOf(page);
      if (phase === 'paused' || phase === 'done' || phase === 'idle') {
        pausedAt = Date.now();
        break;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    probe: 'responsive', backend, template, seconds,
    backend_in_use: await page.getByRole('status').getAttribute('data-backend'),
    first_step_ms: firstStepMs,
    steps_done: stepsAtPause,
    steps_per_s: round(stepsAtPause / ((Date.now() - started) / 1000)),
    longtasks: report.longtasks,
    longest_task_ms: round(report.longestTask),
    longtasks_over_200ms: report.longtasksOver200,
    click_reaction_median_ms: round(median(reactions)),
    click_reaction_max_ms: round(reactions.length ? Math.max(...reactions) : null),
    clicks_answered: reactions.length,
    clicks_tried: clicks,
    frames_per_s: round(report.frames / ((report.until - report.since) / 1000)),
    phase_at_pause: phaseAtPause,
    pause_to_last_step_ms: pausedAt === null ? null : lastStep === stepsAtPause && lastStepAt === clicked ? 0 : lastStepAt - clicked,
    pause_to_paused_ms: pausedAt === null ? null : pausedAt - clicked,
    steps_after_pause: lastStep - stepsAtPause,
    worker_submits_per_step: perStep(trafficAtPause.submits - trafficAtStart.submits, windowSteps),
    worker_readbacks_per_step: perStep(trafficAtPause.maps - trafficAtStart.maps, windowSteps),
  };
}

async function main(): Promise<void> {
  const backends = option('backends', 'wasm,webgpu').split(',');
  const templates = option('templates', 'digits,conv').split(',') as TemplateName[];
  const seconds = Number(option('seconds', '60'));
  const clicks = Number(option('clicks', '20'));
  const preview = await startPreview(option('dist', 'dist'), process.argv.includes('--build'));
  const base = preview.base;
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    for (const backend of backends) {
      for (const template of templates) {
        process.stderr.write(`probe: ${backend} × ${template}, ${seconds} s of training…\n`);
        const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
        const page = await context.newPage();
        try {
          console.log(JSON.stringify(await probeCell(page, base, backend, template, seconds, clicks)));
        } catch (error) {
          console.log(JSON.stringify({ probe: 'responsive', backend, template, error: error instanceof Error ? error.message : String(error) }));
        } finally {
          await context.close();
        }
      }
    }
  } finally {
    await browser.close();
    preview.stop();
  }
}

await main();
