import { expect, test } from '@playwright/test';
import { fixturePath, twinNodes } from './fixtures';
import { LabPage } from './pages/LabPage';

// The same lab on WebGPU (SwiftShader here, so a forward pass only; training runs on wasm in
// train-save.spec.ts): open a file, simulate one sample, see spikes.
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
