import { expect, test, type Locator, type Page } from '@playwright/test';
import { LabPage } from './pages/LabPage';

// One time cursor over a recorded sample: the slider, the line on every plot and each canvas
// node's state at the step follow the keyboard (the action registry's ←/→, Shift, Home/End), a
// drag on the raster or on the slider, and playback.

/** Spikes of `layer` per step, from the raster's CSV export. */
async function spikesPerStep(lab: LabPage, raster: Locator, layer: string, T: number): Promise<number[]> {
  const csv = await lab.downloadText(() => raster.getByRole('button', { name: /CSV/ }).click());
  const counts = new Array<number>(T).fill(0);
  for (const line of csv.trim().split('\n').slice(1)) {
    const [name, , t] = line.split(',');
    if (name === `"${layer}"`) counts[Number(t)]++;
  }
  return counts;
}

/** Drags from step `from` to step `to` across an element whose time axis spans [left, width − right]. */
async function dragSteps(page: Page, target: Locator, T: number, from: number, to: number, margins: { left: number; right: number }): Promise<void> {
  const box = (await target.boundingBox())!;
  const x = (t: number) => box.x + margins.left + ((t + 0.5) / T) * (box.width - margins.left - margins.right);
  const y = box.y + box.height / 3;
  await page.mouse.move(x(from), y);
  await page.mouse.down();
  await page.mouse.move((x(from) + x(to)) / 2, y, { steps: 3 });
  await page.mouse.move(x(to), y, { steps: 3 });
  await page.mouse.up();
}

test('the time cursor moves the raster marker and the node state together', async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  const lab = new LabPage(page);
  await lab.open('?backend=wasm');
  await lab.waitForBackend();
  await lab.openTemplate(/Small LIF classifier/, 'lif1');
  await expect(lab.runField('Dataset')).toHaveValue('digits');
  await lab.region('Run').getByLabel('Simulate only (no training)').check();
  await lab.button('Simulate').click();
  const raster = lab.region('Spike raster');
  const canvas = raster.locator('canvas[data-layer="lif1"]');
  await expect(canvas).toBeVisible({ timeout: 120_000 });

  const slider = page.getByRole('slider', { name: 'Time cursor' });
  await expect(slider).not.toHaveAttribute('aria-valuemax', '0');
  const T = Number(await slider.getAttribute('aria-valuemax')) + 1;
  expect(T).toBeGreaterThan(12);
  const counts = await spikesPerStep(lab, raster, 'lif1', T);
  const marker = raster.locator('.raster .time-cursor-line').first();
  const node = lab.node('lif1');
  const at = async (t: number) => {
    await expect(slider).toHaveAttribute('aria-valuenow', String(t));
    await expect(marker).toHaveAttribute('data-step', String(t));
    await expect(node).toHaveAttribute('data-cursor-step', String(t));
    await expect(node).toHaveAttribute('data-spikes-at-cursor', String(counts[t]));
    await expect(lab.node('input')).toHaveAttribute('data-cursor-step', String(t));
  };

  // The keyboard, with the focus outside any text field (on the page).
  await page.locator('.plots-area').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('Home');
  await at(0);
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await at(3);
  await page.keyboard.press('Shift+ArrowRight');
  await at(13);
  await page.keyboard.press('End');
  await at(T - 1);
  await page.keyboard.press('ArrowLeft');
  await at(T - 2);
  await page.keyboard.press('Shift+ArrowLeft');
  await at(T - 12);

  // The ? overlay lists the cursor's keys (they live in the action registry).
  await page.keyboard.press('?');
  const overlay = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(overlay).toContainText('Time cursor: one step on');
  await expect(overlay).toContainText('→');
  await page.keyboard.press('Escape');

  // A drag on the raster carries the cursor; one on the slider does too.
  await dragSteps(page, canvas, T, 2, 9, { left: 46, right: 8 });
  await at(9);
  await dragSteps(page, slider, T, 9, 4, { left: 6, right: 6 });
  await at(4);
  // The slider itself answers arrow keys once focused (without stepping twice).
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await at(5);

  // The membrane trace shows the cursor as well, and reads the value under it.
  const traces = lab.region('Membrane traces');
  await expect(traces.locator('.time-cursor-line').first()).toHaveAttribute('data-step', '5');
  await expect(traces.locator('.trace-at-cursor').first()).toContainText('t 5: v = ');

  // Playback runs to the last step and stops there.
  await lab.region('Time cursor and probes').getByLabel('Steps per second').fill('200');
  await page.getByRole('button', { name: 'Play back the sample' }).click();
  await at(T - 1);
  await expect(page.getByRole('button', { name: 'Play back the sample' })).toBeVisible();

  expect(lab.consoleErrors).toEqual([]);
});

test('screenshots with the cursor mid-sample', async ({ page }) => {
  test.setTimeout(240_000);
  const lab = new LabPage(page);
  await page.setViewportSize({ width: 1024, height: 700 });
  await lab.open('?backend=wasm');
  await lab.waitForBackend();
  await lab.openTemplate(/Small LIF classifier/, 'lif1');
  await lab.region('Run').getByLabel('Simulate only (no training)').check();
  await lab.button('Simulate').click();
  await expect(lab.region('Spike raster').locator('canvas[data-layer="lif1"]')).toBeVisible({ timeout: 120_000 });
  const slider = page.getByRole('slider', { name: 'Time cursor' });
  await expect(slider).not.toHaveAttribute('aria-valuemax', '0');
  const T = Number(await slider.getAttribute('aria-valuemax')) + 1;
  await lab.node('lif1').click();
  await slider.focus();
  await page.keyboard.press('Home');
  for (let i = 0; i < Math.floor(T / 2); i++) await page.keyboard.press('ArrowRight');
  await expect(slider).toHaveAttribute('aria-valuenow', String(Math.floor(T / 2)));
  await page.screenshot({ path: 'e2e/screenshots/time-cursor-1024x700.png' });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.waitForTimeout(500);
  await page.screenshot({ path: 'e2e/screenshots/time-cursor-1920x1080.png' });
});
