import { expect, test } from '@playwright/test';
import { LabPage } from './pages/LabPage';

const LABELS: Record<string, RegExp> = {
  webgpu: /Backend: WebGPU \(google \/ swiftshader\)|Backend: WebGPU/,
  webgl: /Backend: WebGL/,
  wasm: /Backend: WASM/,
  cpu: /Backend: CPU/,
};

for (const backend of ['webgpu', 'webgl', 'wasm', 'cpu']) {
  test(`the lab opens on ${backend} and the status bar names it`, async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open(`?backend=${backend}`);
    for (const name of ['Palette', 'Canvas', 'Inspector', 'Run']) await expect(lab.region(name)).toBeVisible();
    expect(await lab.waitForBackend()).toBe(backend);
    await expect(lab.status).toContainText(LABELS[backend]);
    await expect(lab.status).toContainText('forced by URL');
    expect(lab.consoleErrors).toEqual([]);
  });
}

test('without a forced backend the lab picks the first that works and says why it fell back', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  const backend = await lab.waitForBackend();
  expect(['webgpu', 'webgl', 'wasm', 'cpu']).toContain(backend);
  if (backend !== 'webgpu') await expect(lab.status).toContainText('Fell back');
  expect(lab.consoleErrors).toEqual([]);
});
