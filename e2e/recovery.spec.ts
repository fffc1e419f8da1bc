import { expect, test } from '@playwright/test';
import { LabPage } from './pages/LabPage';

// No work lost (issue 16, item 5): a dead engine worker is noticed and replaced with the graph
// and the last checkpoint kept, and a reload mid-training offers to resume from the checkpoint.
// A run of 2-step epochs (64 samples, batch 32) checkpoints at every epoch end; 5,000 of them, so the
// run is still going when the test acts (200 epochs, 400 steps of this template, now end within ~30 s).

async function startLongRun(lab: LabPage, query: string): Promise<void> {
  await lab.open(query);
  expect(await lab.waitForBackend()).toBe('wasm');
  await lab.openTemplate(/Small LIF classifier/, 'lif1');
  await lab.runField('Epochs').fill('5000');
  await lab.runField('Samples / epoch').fill('64');
  await lab.button('Train').click();
  await expect.poll(() => lab.stepNumber(), { timeout: 120_000 }).toBeGreaterThanOrEqual(6);
  await expect.poll(() => lab.storedCheckpointStep(), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
}

test('a killed engine is noticed and replaced; the weights of the last checkpoint are kept and Train works again', async ({ page }) => {
  test.setTimeout(300_000);
  const lab = new LabPage(page);
  await startLongRun(lab, '?backend=wasm&testHooks=1');
  await lab.killEngine();

  const run = lab.region('Run');
  const said = /The engine stopped \(it did not answer for 20 s\)\. Started a new one; your graph and the weights of step (\d+) are kept\./;
  await expect(run).toContainText(said, { timeout: 60_000 });
  await expect(lab.notes()).toContainText('The engine stopped');
  const kept = Number(said.exec((await run.textContent()) ?? '')?.[1]);
  expect(kept).toBeGreaterThanOrEqual(2);
  expect(await lab.stepNumber()).toBe(kept);
  expect(await lab.waitForBackend()).toBe('wasm');

  // The new engine trains on from the kept step; Pause, Step, Evaluate and Reset answer.
  await lab.button('Train').click();
  await expect.poll(() => lab.stepNumber(), { timeout: 120_000 }).toBeGreaterThan(kept + 2);
  await run.getByRole('button', { name: /^Pause/ }).click();
  await lab.waitForPhase('paused', 30_000);
  const paused = await lab.stepNumber();
  await lab.button('Step').click();
  await expect.poll(() => lab.stepNumber(), { timeout: 60_000 }).toBe(paused + 1);
  await lab.waitForPhase('paused', 30_000);
  await lab.button('Evaluate').click();
  await expect(page.getByTestId('evaluation-accuracy')).toBeVisible({ timeout: 60_000 });
  await lab.waitForPhase('paused', 60_000);
  await lab.button('Reset').click();
  await lab.waitForPhase('idle', 30_000);
  await expect(page.getByTestId('run-step')).toHaveCount(0);
  expect(lab.consoleErrors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
});

test('a reload mid-training offers to resume from the checkpoint, with its curves and step', async ({ page }) => {
  test.setTimeout(300_000);
  const lab = new LabPage(page);
  await startLongRun(lab, '?backend=wasm');
  await page.reload();

  const offer = page.getByRole('region', { name: 'Interrupted training' });
  const said = /Training of .+ was interrupted at step (\d+) \(epoch \d+\)\./;
  await expect(offer).toContainText(said, { timeout: 60_000 });
  const step = Number(said.exec((await offer.textContent()) ?? '')?.[1]);
  expect(step).toBeGreaterThanOrEqual(2);
  const curvesCsv = page.getByRole('button', { name: 'Export Training curves data as CSV' });
  await expect(curvesCsv).toBeDisabled(); // nothing shown before Resume

  await offer.getByRole('button', { name: 'Resume from it' }).click();
  await expect(offer).toHaveCount(0);
  expect(await lab.stepNumber()).toBe(step);
  await expect(lab.region('Run')).toContainText(`Resumed from step ${step}`);
  const csv = await lab.downloadText(() => curvesCsv.click());
  const rows = csv.trim().split('\n');
  const steps = rows.slice(1).map((row) => Number(row.split(',')[rows[0].split(',').indexOf('step')]));
  expect(steps.length).toBeGreaterThanOrEqual(2);
  expect(Math.max(...steps)).toBe(step);

  // The next Train continues the schedule from that step, not from 1.
  expect(await lab.waitForBackend()).toBe('wasm');
  await lab.button('Train').click();
  await expect.poll(() => lab.stepNumber(), { timeout: 120_000 }).toBeGreaterThan(step);
  await lab.region('Run').getByRole('button', { name: /^Pause/ }).click();
  await lab.waitForPhase('paused', 30_000);
  expect(lab.consoleErrors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
});

test('Discard forgets an interrupted run', async ({ page }) => {
  test.setTimeout(300_000);
  const lab = new LabPage(page);
  await startLongRun(lab, '?backend=wasm');
  await page.reload();
  const offer = page.getByRole('region', { name: 'Interrupted training' });
  await expect(offer).toBeVisible({ timeout: 60_000 });
  await offer.getByRole('button', { name: 'Discard' }).click();
  await expect(offer).toHaveCount(0);
  await expect.poll(() => lab.storedCheckpointStep()).toBe(0);
  await page.reload();
  await lab.waitForBackend();
  await expect(page.locator('.canvas-flow')).toHaveAttribute('data-revision', /[1-9]/);
  await expect(offer).toHaveCount(0);
});
