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

test('without a forced backend the lab passes over software-only WebGPU for WASM and says so', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  // Headless Chromium here has WebGPU only through SwiftShader (software): the lab must not pick it.
  expect(await lab.waitForBackend()).toBe('wasm');
  await expect(lab.status).toContainText('WebGPU');
  await expect(lab.status).toContainText('software-only here; using WASM (force WebGPU with ?backend=webgpu)');
  expect(lab.consoleErrors).toEqual([]);
});
