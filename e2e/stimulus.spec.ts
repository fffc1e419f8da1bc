/**
 * Drive a network that fits no dataset: the NIR paper's single Norse LIF neuron (Input [1];
 * Affine w = 1 → LIF τ = 2.5 ms, θ = 0.1, r = 1; dt guessed 0.1 ms) opened in the page, a step
 * current chosen in the Run panel's stimulus form, Simulate: the membrane trace charges as the
 * forward-Euler solution v_t = β·v_{t−1} + (1 − β)·r·I (β = 1 − dt/τ = 0.96), crosses θ, spikes
 * and resets to 0, and the raster and input plots show the same run. Read from the plots' CSVs.
 */
import { expect, test } from '@playwright/test';
import { fixturePath } from './fixtures';
import { LabPage } from './pages/LabPage';

/** Column `name` of a CSV with a header row, as numbers. */
function column(csv: string, name: string): number[] {
  const [header, ...rows] = csv.trim().split('\n');
  const index = header.split(',').indexOf(name);
  expect(index, `column ${name} in ${header}`).toBeGreaterThanOrEqual(0);
  return rows.map((r) => Number(r.split(',')[index]));
}

test('a step current into lif_norse.nir: the membrane charges, spikes and resets', async ({ page }, testInfo) => {
  const lab = new LabPage(page);
  await lab.open('?backend=wasm');
  await lab.waitForBackend();
  await lab.dropFile(fixturePath('upstream/nir_01_lif__lif_norse.nir'));
  await expect(lab.notes()).toContainText('Opened nir_01_lif__lif_norse.nir');

  const run = lab.region('Run');
  await expect(run.getByText('No dataset fits the Input [1]: drive it with a stimulus.')).toBeVisible();
  await run.getByLabel('Stimulus', { exact: true }).selectOption({ label: 'Step current' });
  await run.getByLabel('Amplitude', { exact: true }).fill('0.2');
  await run.getByLabel('Onset (s)', { exact: true }).fill('0.001');
  await run.getByLabel('Duration (s)', { exact: true }).fill('0.01');
  await run.getByLabel('Run for (steps)', { exact: true }).fill('200');
  await expect(page.getByTestId('stimulus-grid')).toContainText('dt = 0.1 ms');
  await expect(page.getByTestId('stimulus-grid')).toContainText('200 steps = 20 ms');
  await lab.button('Simulate stimulus').click();
  await expect(run).toContainText('Step current for 200 steps simulated');

  const traces = lab.region('Membrane traces');
  await expect(traces.getByRole('img', { name: 'Membrane of 1[0]' })).toBeVisible();
  const csv = await lab.downloadText(() => traces.getByRole('button', { name: /CSV/ }).click());
  const v = column(csv, '1[0].v');
  const z = column(csv, '1[0].spike');
  expect(v).toHaveLength(200);

  // The forward-Euler solution, step by step: m_t = β·v_{t−1} + (1 − β)·r·I_t; fire when m_t > θ, then v = 0.
  const beta = 1 - 1e-4 / 2.5e-3;
  let state = 0;
  for (let t = 0; t < 200; t++) {
    const I = t >= 10 && t < 110 ? 0.2 : 0;
    const m = beta * state + (1 - beta) * I;
    expect(Math.abs(v[t] - m), `v at step ${t}`).toBeLessThan(1e-5);
    expect(z[t], `spike at step ${t}`).toBe(m > 0.1 ? 1 : 0);
    state = m > 0.1 ? 0 : m;
  }
  const fired = z.flatMap((s, t) => (s ? [t] : []));
  expect(v.slice(0, 10).every((m) => m === 0)).toBe(true); // rest before the onset
  expect(v[20]).toBeGreaterThan(v[15]); // charging
  expect(fired[0]).toBe(26); // crosses θ after 17 steps of current
  expect(v[27]).toBeLessThan(v[26] / 5); // reset, then charging again
  expect(fired.length).toBeGreaterThanOrEqual(5);
  expect(fired.every((t) => t < 110)).toBe(true); // silent once the current stops

  const raster = await lab.downloadText(() => lab.region('Spike raster').getByRole('button', { name: /CSV/ }).click());
  expect(column(raster, 't')).toEqual(fired);
  const input = await lab.downloadText(() => lab.region('Input').getByRole('button', { name: /CSV/ }).click());
  expect(column(input, 't')).toEqual(Array.from({ length: 100 }, (_, i) => 10 + i));
  expect(column(input, 'value').every((x) => Math.abs(x - 0.2) < 1e-6)).toBe(true); // float32

  await page.setViewportSize({ width: 1440, height: 960 });
  await traces.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('stimulus-run-panel.png') });
  expect(lab.consoleErrors).toEqual([]);
});
