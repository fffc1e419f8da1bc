import { expect, test } from '@playwright/test';
import { LabPage } from './pages/LabPage';

// Probes: the person limits what is recorded in the inspector's Record section; the recording
// honours it (the raster shows only those neurons, its CSV names only them), the plots say what
// is recorded, and the probe is part of the saved workspace.
test('a probe limits lif1 to its first 8 neurons, and survives a reload', async ({ page }) => {
  test.setTimeout(300_000);
  const lab = new LabPage(page);
  await lab.open('?backend=wasm');
  await lab.waitForBackend();
  await lab.openTemplate(/Small LIF classifier/, 'lif1');
  await expect(lab.runField('Dataset')).toHaveValue('digits');

  await lab.node('lif1').click();
  const record = lab.region('Inspector').getByRole('region', { name: 'Record' });
  await record.getByLabel('neurons').selectOption('first');
  await record.getByLabel('how many').fill('8');
  await expect(record).toContainText('Records 8 of 64 neurons (0, 1, 2, 3, 4, 5, 6, 7): spikes and membrane.');
  const summary = lab.region('Time cursor and probes');
  await expect(summary).toContainText('lif1 first 8');

  await lab.region('Run').getByLabel('Simulate only (no training)').check();
  await lab.button('Simulate').click();
  const raster = lab.region('Spike raster');
  const canvas = raster.locator('canvas[data-layer="lif1"]');
  await expect(canvas).toHaveAttribute('data-rows', '8', { timeout: 120_000 });
  await expect(raster).toContainText('8 of 64 neurons');
  const csv = await lab.downloadText(() => raster.getByRole('button', { name: /CSV/ }).click());
  const neurons = csv.trim().split('\n').slice(1).filter((l) => l.startsWith('"lif1",')).map((l) => Number(l.split(',')[1]));
  expect(neurons.length).toBeGreaterThan(0);
  expect(neurons.every((n) => n >= 0 && n < 8)).toBe(true);

  // Looked at by a person: the Record section and the 8-row raster at 1024 × 700.
  await page.setViewportSize({ width: 1024, height: 700 });
  await record.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'e2e/screenshots/probes-1024x700.png' });
  await page.setViewportSize({ width: 1280, height: 720 });

  // Saved with the workspace (autosave runs a moment after the change).
  await expect.poll(() => page.evaluate(() => new Promise<unknown>((resolve) => {
    const request = indexedDB.open('spikelab');
    request.onsuccess = () => {
      const get = request.result.transaction('workspace').objectStore('workspace').get('current');
      get.onsuccess = () => resolve(get.result?.probes?.lif1?.neurons ?? null);
      get.onerror = () => resolve(null);
    };
    request.onerror = () => resolve(null);
  }))).toEqual({ kind: 'first', count: 8 });

  await page.reload();
  await lab.waitForBackend();
  await expect(lab.region('Time cursor and probes')).toContainText('lif1 first 8');
  await lab.node('lif1').click();
  const restored = lab.region('Inspector').getByRole('region', { name: 'Record' });
  await expect(restored.getByLabel('neurons')).toHaveValue('first');
  await expect(restored.getByLabel('how many')).toHaveValue('8');
  // The new worker has the probe too: the next sample holds the 8 neurons.
  await lab.region('Run').getByLabel('Simulate only (no training)').check();
  await lab.button('Simulate').click();
  await expect(lab.region('Spike raster').locator('canvas[data-layer="lif1"]')).toHaveAttribute('data-rows', '8', { timeout: 120_000 });

  // Spikes only, of one picked neuron: a Shift-click on a raster row picks it.
  await restored.getByLabel('membrane').uncheck();
  await restored.getByLabel('neurons').selectOption('picked');
  const rows = lab.region('Spike raster').locator('canvas[data-layer="lif1"]');
  const box = (await rows.boundingBox())!;
  await rows.click({ modifiers: ['Shift'], position: { x: box.width / 2, y: 4 + (2.5 / 8) * (box.height - 34) } });
  await expect(restored.getByRole('button', { name: 'Stop recording neuron 2' })).toBeVisible();
  await expect(lab.region('Time cursor and probes')).toContainText('lif1 neuron 2 · spikes only');
  await expect(lab.region('Time cursor and probes')).toContainText('changed');
  await lab.button('Simulate').click();
  await expect(rows).toHaveAttribute('data-rows', '1');
  await expect(lab.region('Spike raster')).toContainText('1 of 64 neurons');
  await expect(lab.region('Time cursor and probes')).not.toContainText('changed');
  expect(lab.consoleErrors).toEqual([]);
});
