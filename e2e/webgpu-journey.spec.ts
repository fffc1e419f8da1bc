import { expect, test } from '@playwright/test';
import { fixturePath, twinNodes } from './fixtures';
import { LabPage } from './pages/LabPage';

// The same lab on WebGPU (SwiftShader here: slow, so small runs; the full training journey runs
// on wasm in train-save.spec.ts): open a file, simulate one sample, see spikes.
test('on WebGPU: open a file, then simulate a template and see its raster', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open('?backend=webgpu');
  const backend = await lab.waitForBackend();
  // Chromium runs WebGPU on SwiftShader with --enable-unsafe-webgpu (e2e/chromium.ts): never skip.
  expect(backend, 'WebGPU did not start in this Chromium').toBe('webgpu');

  await lab.dropFile(fixturePath('shd_rsnn_subgraph.nir'));
  await expect.poll(() => lab.canvasNodes()).toEqual(twinNodes('shd_rsnn_subgraph.nir'));

  await lab.openTemplate(/Small LIF classifier/, 'lif1');
  await lab.region('Run').getByLabel('Simulate only (no training)').check();
  await lab.button('Simulate').click();
  const raster = lab.region('Spike raster');
  await expect(raster.locator('canvas[data-layer="lif1"]')).toBeVisible({ timeout: 120_000 });
  const spikes = await lab.downloadText(() => raster.getByRole('button', { name: /CSV/ }).click());
  expect(spikes.trim().split('\n').length).toBeGreaterThan(1);
  expect(lab.consoleErrors).toEqual([]);
});

// Training on WebGPU through the UI: the resident dataset gathered on the GPU as bits (with shift
// augmentation), the first layer multiplying bits, fused WGSL scans, Adam; only metrics come back.
test('on WebGPU: train a template for an epoch and see the loss', async ({ page }) => {
  test.setTimeout(240_000);
  const lab = new LabPage(page);
  await lab.open('?backend=webgpu');
  expect(await lab.waitForBackend()).toBe('webgpu');
  await lab.openTemplate(/Small LIF classifier/, 'lif1');
  await expect(lab.runField('Dataset')).toHaveValue('digits');
  await lab.runField('Epochs').fill('1');
  await lab.runField('Samples / epoch').fill('0'); // the whole split: resident on the GPU (a subset trains from host batches)
  await lab.runField('Batch').fill('64');
  await lab.runField('Time shift ± (steps)').fill('1');
  await lab.button('Train').click();
  await lab.waitForPhase('done', 200_000);
  await expect(lab.page.getByTestId('run-step')).toHaveText('step 22 / 22'); // ⌊1438 / 64⌋
  const curves = await lab.downloadText(() => lab.region('Training curves').getByRole('button', { name: /CSV/ }).click());
  const [header, ...rows] = curves.trim().split('\n');
  const lossAt = header.split(',').indexOf('loss');
  const losses = rows.map((r) => r.split(',')[lossAt]).filter((v) => v !== '').map(Number);
  expect(losses.length).toBeGreaterThanOrEqual(4);
  for (const loss of losses) expect(Number.isFinite(loss) && loss > 0).toBe(true);
  expect(lab.consoleErrors).toEqual([]);
});
