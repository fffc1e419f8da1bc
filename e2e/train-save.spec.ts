import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { LabPage } from './pages/LabPage';
import { validateNir } from './python';

/** Column `name` of a CSV with a header row, as numbers (empty cells skipped). */
function column(csv: string, name: string): number[] {
  const [header, ...rows] = csv.trim().split('\n');
  const index = header.split(',').indexOf(name);
  return rows.map((r) => r.split(',')[index]).filter((v) => v !== '' && v !== undefined).map(Number);
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

test('train a template on a shipped dataset, watch it spike, save it and open it again', async ({ page }, testInfo) => {
  const lab = new LabPage(page);
  await lab.open('?backend=wasm');
  await lab.waitForBackend();
  await lab.openTemplate(/Small LIF classifier/, 'lif1');
  const template = await lab.canvasNodes();

  await expect(lab.runField('Dataset')).toHaveValue('digits');
  await lab.runField('Epochs').fill('2');
  await lab.runField('Samples / epoch').fill('384');
  await lab.runField('Batch').fill('32');
  // Shift augmentation: time shifts for any data; channel shifts only where there is one channel axis (digits are 8×8).
  await lab.runField('Time shift ± (steps)').fill('1');
  await expect(lab.runField('Channel shift ±')).toBeDisabled();
  await lab.button('Step').click();
  await expect(lab.page.getByTestId('run-step')).toHaveText('step 1 / 24');
  await lab.button('Train').click();
  await lab.waitForPhase('done');
  await expect(lab.page.getByTestId('run-step')).toHaveText('step 24 / 24');

  const curves = await lab.downloadText(() => lab.region('Training curves').getByRole('button', { name: /CSV/ }).click());
  const loss = column(curves, 'loss');
  expect(loss.length).toBeGreaterThanOrEqual(10);
  expect(mean(loss.slice(-4))).toBeLessThan(mean(loss.slice(0, 4)));

  const raster = await lab.downloadText(() => lab.region('Spike raster').getByRole('button', { name: /CSV/ }).click());
  expect(raster.trim().split('\n').length).toBeGreaterThan(1);
  await expect(lab.region('Membrane traces').locator('canvas')).not.toHaveCount(0);
  const png = await lab.download(() => lab.region('Spike raster').getByRole('button', { name: /PNG/ }).click());
  expect(png.suggestedFilename()).toBe('spike-raster.png');
  expect(readFileSync(await png.path()).subarray(1, 4).toString('latin1')).toBe('PNG');

  const download = await lab.download(() => lab.button('Save NIR').click());
  expect(download.suggestedFilename()).toMatch(/\.nir$/);
  const saved = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(saved);
  const verdict = validateNir(saved);
  expect(verdict.status, verdict.output).toBe(0);

  await lab.openTemplate(/N-MNIST conv net/, 'conv1');
  await expect.poll(() => lab.canvasNodes()).not.toEqual(template);
  await lab.dropFile(saved);
  await expect(lab.notes()).toContainText(`Opened ${download.suggestedFilename()}`);
  await expect.poll(() => lab.canvasNodes()).toEqual(template);
  await expect(lab.page.locator('.react-flow__edge')).toHaveCount(5);
  expect(lab.consoleErrors).toEqual([]);
});
