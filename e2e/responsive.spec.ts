import { expect, test } from '@playwright/test';
import { fixturePath } from './fixtures';
import { LabPage } from './pages/LabPage';

// The lab in a person's hands while it trains (issue 12): the page answers, Pause pauses, what is
// shown belongs to the graph on the canvas, Reset starts over. Behaviour only; the timings are
// measured by `npm run probe:responsive`.

async function stepNumber(lab: LabPage): Promise<number> {
  const text = (await lab.page.getByTestId('run-step').textContent()) ?? '';
  return Number(/step (\d+)/.exec(text)?.[1] ?? 0);
}

for (const backend of ['wasm', 'webgpu'] as const) {
  test(`on ${backend}: the page answers a click while training, and Pause stops the step counter`, async ({ page }) => {
    test.setTimeout(300_000);
    const lab = new LabPage(page);
    await lab.open(`?backend=${backend}`);
    expect(await lab.waitForBackend()).toBe(backend);
    await lab.openTemplate(/Small LIF classifier/, 'lif1');
    await lab.runField('Epochs').fill('200');
    await lab.button('Train').click();
    await expect.poll(() => stepNumber(lab), { timeout: 180_000 }).toBeGreaterThanOrEqual(3);

    // A click on a node is answered while the worker trains: the inspector shows that node.
    await lab.node('fc1').click({ timeout: 10_000 });
    await expect(lab.region('Inspector').getByRole('heading', { name: /fc1/ })).toBeVisible({ timeout: 10_000 });
    await lab.node('lif1').click({ timeout: 10_000 });
    await expect(lab.region('Inspector').getByRole('heading', { name: /lif1/ })).toBeVisible({ timeout: 10_000 });

    await lab.region('Run').getByRole('button', { name: /^Pause/ }).click();
    await lab.waitForPhase('paused', 30_000);
    const paused = await stepNumber(lab);
    await page.waitForTimeout(3000);
    expect(await stepNumber(lab)).toBe(paused);
    await expect(lab.button('Train').or(lab.button('Continue'))).toBeEnabled();
    expect(lab.consoleErrors).toEqual([]);
  });
}

test('opening another file clears the previous graph\'s plots and notes', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open('?backend=wasm');
  await lab.waitForBackend();
  await lab.dropFile(fixturePath('cuba_snn.nir'));
  await expect(lab.notes()).toContainText('Opened cuba_snn.nir');
  await lab.openTemplate(/Small LIF classifier/, 'lif1');
  await expect(page.getByText('Opened cuba_snn.nir', { exact: false })).toHaveCount(0);
  await lab.runField('Epochs').fill('1');
  await lab.runField('Samples / epoch').fill('64');
  await lab.button('Step').click();
  const raster = lab.region('Spike raster');
  await expect(raster.locator('canvas[data-layer="lif1"]')).toBeVisible({ timeout: 60_000 });
  await expect(lab.page.getByTestId('run-step')).toHaveText(/step 1 \//);

  await lab.dropFile(fixturePath('shd_rsnn_flat.nir'));
  await expect(lab.notes()).toContainText('Opened shd_rsnn_flat.nir');
  await expect(raster.locator('canvas[data-layer="lif1"]')).toHaveCount(0);
  await expect(lab.region('Input')).not.toContainText(/label \d/);
  await expect(lab.page.getByTestId('run-step')).toHaveCount(0);
  expect(lab.consoleErrors).toEqual([]);
});

test('Reset puts the untrained weights back (the first loss again); Re-initialise draws new ones from the seed', async ({ page }) => {
  test.setTimeout(240_000);
  const lab = new LabPage(page);
  await lab.open('?backend=wasm');
  await lab.waitForBackend();
  await lab.openTemplate(/Small LIF classifier/, 'lif1');
  await lab.runField('Epochs').fill('3');
  await lab.runField('Samples / epoch').fill('384');
  const loss = lab.page.getByTestId('run-loss');
  await lab.button('Step').click();
  await expect(lab.page.getByTestId('run-step')).toHaveText(/step 1 \//);
  const initial = await loss.textContent();
  await lab.button('Train').click();
  await lab.waitForPhase('done');
  await expect(lab.region('Run')).toContainText('All 3 epochs done.');
  await expect(lab.region('Run').getByRole('alert')).toHaveCount(0);
  expect(await loss.textContent()).not.toBe(initial);

  await lab.button('Reset').click();
  await expect(lab.region('Run')).toContainText('Weights reset to their values before training');
  await lab.button('Step').click();
  await expect(lab.page.getByTestId('run-step')).toHaveText(/step 1 \//);
  expect(await loss.textContent()).toBe(initial);

  await lab.runField('Seed').fill('5');
  await lab.button('Re-initialise').click();
  await expect(lab.region('Run')).toContainText('Weights re-initialised from seed 5');
  await lab.button('Step').click();
  await expect(lab.page.getByTestId('run-step')).toHaveText(/step 1 \//);
  const fresh = await loss.textContent();
  expect(fresh).not.toBe(initial);
  expect(Number(fresh?.replace('loss ', ''))).toBeGreaterThan(0);
  expect(lab.consoleErrors).toEqual([]);
});

for (const viewport of [{ width: 1024, height: 700 }, { width: 1920, height: 1080 }]) {
  test(`at ${viewport.width}×${viewport.height} every panel's controls are in view`, async ({ page }) => {
    await page.setViewportSize(viewport);
    const lab = new LabPage(page);
    await lab.open('?backend=wasm');
    await lab.waitForBackend();
    await lab.openTemplate(/N-MNIST conv net/, 'conv1');
    await lab.runField('Samples / epoch').fill('16');
    await lab.runField('Batch').fill('16');
    await lab.button('Step').click();
    await expect(lab.region('Spike raster').locator('canvas')).not.toHaveCount(0, { timeout: 120_000 });

    const inView = async (what: string, box: { x: number; y: number; width: number; height: number } | null) => {
      expect(box, `${what} is not rendered`).not.toBeNull();
      expect(box!.x, `${what} starts left of the window`).toBeGreaterThanOrEqual(0);
      expect(box!.y, `${what} starts above the window`).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width, `${what} ends right of the window`).toBeLessThanOrEqual(viewport.width + 1);
      expect(box!.y + box!.height, `${what} ends below the window`).toBeLessThanOrEqual(viewport.height + 1);
    };
    for (const name of ['Train', 'Step', 'Reset', 'Save NIR']) await inView(`button ${name}`, await lab.button(name).boundingBox());
    for (const name of ['Palette', 'Canvas', 'Inspector', 'Run']) await inView(name, await lab.region(name).boundingBox());
    // Plots scroll inside their own area (a conv net's raster is tall): each one's title and export
    // buttons come into view there, while the window itself stays put (the run buttons stay in view).
    for (const name of ['Spike raster', 'Membrane traces', 'Training curves']) {
      const header = lab.region(name).locator('header');
      await header.scrollIntoViewIfNeeded();
      await inView(`${name} controls`, await header.boundingBox());
      await inView('button Train, after scrolling the plots', await lab.button('Train').boundingBox());
    }
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    // Every node of the 11-node template is on the canvas, fitted.
    const canvas = (await lab.region('Canvas').boundingBox())!;
    for (const node of await page.locator('[data-node-type]').all()) {
      const box = (await node.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(canvas.x - 1);
      expect(box.x + box.width).toBeLessThanOrEqual(canvas.x + canvas.width + 1);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.screenshot({ path: `e2e/screenshots/lab-${viewport.width}x${viewport.height}.png` });
    expect(lab.consoleErrors).toEqual([]);
  });
}
