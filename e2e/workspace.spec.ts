import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { fixturePath, twinNodes } from './fixtures';
import { LabPage } from './pages/LabPage';

test('?url= opens a remote .nir file', async ({ page }) => {
  await page.route((url) => url.pathname === '/remote/cuba_snn.nir', (route) => route.fulfill({ body: readFileSync(fixturePath('cuba_snn.nir')) }));
  const lab = new LabPage(page);
  await lab.open('?backend=wasm&url=/remote/cuba_snn.nir');
  await expect(lab.notes()).toContainText('Opened cuba_snn.nir');
  await expect.poll(() => lab.canvasNodes()).toEqual(twinNodes('cuba_snn.nir'));
});

test('the workspace survives a reload', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open('?backend=wasm');
  await lab.openTemplate(/N-MNIST conv net/, 'conv1');
  await lab.runField('Learning rate').fill('0.005');
  const nodes = await lab.canvasNodes();
  await expect(lab.runField('Dataset')).toHaveValue(/nmnist/);
  // Autosave runs a moment after the last change; reload once it has written.
  await expect.poll(() => page.evaluate(() => new Promise<boolean>((resolve) => {
    const request = indexedDB.open('spikelab');
    request.onsuccess = () => {
      const get = request.result.transaction('workspace').objectStore('workspace').get('current');
      get.onsuccess = () => resolve(get.result?.settings?.lr === 0.005 && 'conv1' in (get.result?.graph?.nodes ?? {}));
      get.onerror = () => resolve(false);
    };
    request.onerror = () => resolve(false);
  }))).toBe(true);
  await page.reload();
  await expect.poll(() => lab.canvasNodes()).toEqual(nodes);
  await expect(lab.runField('Learning rate')).toHaveValue('0.005');
});

test('a graph no shipped dataset fits says so and what would', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open('?backend=wasm');
  await lab.openTemplate(/SHD 2-layer LIF classifier/, 'fc1');
  await expect(lab.region('Run')).toContainText('No shipped dataset has input [128] and 20 classes');
  await expect(lab.region('Run')).toContainText('[8, 8] → 10 classes (digits)');
  await expect(lab.button('Train')).toBeDisabled();
});

test('a primitive dragged from the palette lands on the canvas', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open('?backend=wasm');
  await lab.openTemplate(/Small LIF classifier/, 'lif1');
  await lab.region('Palette').getByRole('button', { name: 'Add CubaLIF' }).dragTo(page.locator('.react-flow__pane'), { targetPosition: { x: 60, y: 60 } });
  await expect(lab.node('cubalif')).toBeVisible();
  await expect(lab.region('Inspector')).toContainText('CubaLIF');
  await lab.button('Undo').click();
  await expect(lab.node('cubalif')).toHaveCount(0);
});

test('bad URL parameters give notes, never an exception', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open('?backend=tpu&url=/remote/%E0%A4%A.nir');
  expect(await lab.waitForBackend()).toBe('wasm');
  const notes = lab.notes();
  const badge = notes.getByRole('button', { name: /^Notes/ });
  await expect(badge).toContainText('2');
  if ((await badge.getAttribute('aria-expanded')) !== 'true') await badge.click();
  await expect(notes).toContainText('"?backend=tpu" is not a backend the lab has.');
  await expect(notes).toContainText('Could not fetch');
  expect(lab.consoleErrors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
});
