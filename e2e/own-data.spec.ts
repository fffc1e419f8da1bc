import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { npyBytes, npzBytes } from '../src/engine/datasets/formats/npyWrite';
import { LabPage } from './pages/LabPage';

/**
 * A learnable spike array as a person would save it from NumPy (np.savez_compressed): 200 samples
 * of T = 16 steps × 64 channels, 10 classes; class c fires channels 6c…6c+5 half the time, every
 * channel 2 % of the time. It fits the "Small LIF classifier" template (Input [64], 10 classes).
 */
async function spikesNpz(): Promise<Buffer> {
  const N = 200;
  const T = 16;
  const F = 64;
  let seed = 7;
  const rand = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const labels = Array.from({ length: N }, (_, n) => n % 10);
  const spikes = Array.from({ length: N * T * F }, (_, k) => {
    const n = Math.floor(k / (T * F));
    const f = k % F;
    const own = f >= 6 * labels[n] && f < 6 * labels[n] + 6;
    return rand() < (own ? 0.5 : 0.02) ? 1 : 0;
  });
  return Buffer.from(await npzBytes({ spikes: npyBytes('|b1', [N, T, F], spikes), labels: npyBytes('<i8', [N], labels) }, { deflate: true, zip64Extra: true }));
}

/** settings.dataset of the autosaved workspace (IndexedDB 'spikelab'). */
function savedDataset(lab: LabPage): Promise<string | null> {
  return lab.page.evaluate(() => new Promise<string | null>((resolve) => {
    const request = indexedDB.open('spikelab');
    request.onsuccess = () => {
      const get = request.result.transaction('workspace').objectStore('workspace').get('current');
      get.onsuccess = () => resolve((get.result as { settings?: { dataset?: string } } | undefined)?.settings?.dataset ?? null);
      get.onerror = () => resolve(null);
    };
    request.onerror = () => resolve(null);
  }));
}

test('a dropped .npz becomes a dataset: picked, trained on, kept across a reload', async ({ page }, testInfo) => {
  const lab = new LabPage(page);
  await page.setViewportSize({ width: 1600, height: 1000 });
  // A tall, wide Run panel (as a person would drag it), so the screenshot shows the picker and what it says.
  await page.addInitScript(() => localStorage.setItem('spikelab.panels', JSON.stringify({ side: 440, run: 720 })));
  await lab.open('?backend=wasm');
  await lab.waitForBackend();
  await lab.openTemplate(/Small LIF classifier/, 'lif1');
  const run = lab.region('Run');

  // A file that does not fit says what it is and what was expected.
  await lab.dropBytes(Buffer.from(npyBytes('<f4', [4, 3], new Array(12).fill(0))), 'wrong.npy');
  const alert = run.getByRole('alert');
  await expect(alert).toContainText('wrong.npy could not be used as a dataset.');
  await expect(alert).toContainText('wrong.npy is float32 [4, 3]; spikes must be [N samples, T steps, features…]');
  await expect(alert).toContainText('x[:, :, None]');
  await run.getByRole('button', { name: 'Dismiss' }).click();

  await lab.dropBytes(await spikesNpz(), 'my-spikes.npz');
  const picker = lab.runField('Dataset');
  await expect(picker).toHaveValue(/^own:my-spikes-npz-/);
  await expect(picker.locator('option:checked')).toHaveText('my-spikes.npz — 200 × T 16 × [64], 10 classes');
  const info = run.getByTestId('own-info');
  await expect(info).toContainText('200 samples, 20 per class; no test split (Evaluate uses these). Spikes bit-packed: 25.2 KiB.');
  await expect(info).toContainText('Fits this graph.');
  await expect(info).toContainText('From my-spikes.npz (12.6 KiB): spikes bool [200, 16, 64] and labels int64 [200].');
  await expect(info).toContainText('Kept in this browser: still here after a reload.');
  await expect(lab.runField('T (steps)')).toHaveValue('16');

  await lab.runField('Epochs').fill('3');
  await lab.runField('Batch').fill('20');
  await lab.runField('Samples / epoch').fill('0');
  await lab.button('Train').click();
  await lab.waitForPhase('done');
  await expect(page.getByTestId('run-step')).toHaveText('step 30 / 30');
  await expect(page.getByTestId('run-loss')).toHaveText(/^loss \d+\.\d{4}$/);
  const curves = await lab.downloadText(() => lab.region('Training curves').getByRole('button', { name: /CSV/ }).click());
  const [header, ...rows] = curves.trim().split('\n');
  const loss = rows.map((r) => Number(r.split(',')[header.split(',').indexOf('loss')])).filter(Number.isFinite);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  expect(mean(loss.slice(-5))).toBeLessThan(mean(loss.slice(0, 5))); // it learns

  mkdirSync('e2e/screenshots', { recursive: true });
  await picker.evaluate((el) => el.closest('.run-field')?.scrollIntoView({ block: 'center' }));
  await run.screenshot({ path: 'e2e/screenshots/own-data-run-panel.png' });
  await run.screenshot({ path: testInfo.outputPath('own-data-run-panel.png') });

  // After a reload the set is still listed (IndexedDB) and still chosen (the workspace), and trains.
  await expect.poll(() => savedDataset(lab)).toMatch(/^own:my-spikes-npz-/);
  await page.reload();
  await lab.waitForBackend();
  await expect(lab.runField('Dataset')).toHaveValue(/^own:my-spikes-npz-/);
  await expect(lab.runField('Dataset').locator('option:checked')).toHaveText('my-spikes.npz — 200 × T 16 × [64], 10 classes');
  await lab.button('Step').click();
  await expect(page.getByTestId('run-step')).toHaveText('step 1 / 30');

  // Two .npy files picked with "add files…" (spikes and labels) that do not fit this graph: listed, not chosen, and the panel says why.
  const chooser = page.waitForEvent('filechooser');
  await run.getByRole('button', { name: 'add files…' }).click();
  await (await chooser).setFiles([
    { name: 'rec_x.npy', mimeType: 'application/octet-stream', buffer: Buffer.from(npyBytes('<f4', [8, 5, 3], Array.from({ length: 120 }, (_, i) => (i % 7) / 2))) },
    { name: 'rec_y.npy', mimeType: 'application/octet-stream', buffer: Buffer.from(npyBytes('<i8', [8], [0, 1, 0, 1, 0, 1, 0, 1])) },
  ]);
  const added = run.getByTestId('own-added');
  await expect(added).toContainText('Added rec_x.npy + rec_y.npy — 8 × T 5 × [3], 2 classes, listed under “Your data”.');
  await expect(added).toContainText('Does not fit this graph: the data is [3] with 2 classes, the graph needs input [64] and 10 classes.');
  await expect(lab.runField('Dataset')).toHaveValue(/^own:my-spikes-npz-/);
  await expect(lab.runField('Dataset').locator('optgroup[label="Your data (does not fit this graph)"] option')).toHaveText(['rec_x.npy + rec_y.npy — 8 × T 5 × [3], 2 classes']);
  expect(lab.consoleErrors).toEqual([]);
});
