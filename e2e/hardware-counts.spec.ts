/**
 * Counts for neuromorphic hardware and the surrogate view: simulate the digits template, the
 * energy table lists its two weighted layers with SynOps, ANN MACs and both energies; changing
 * the pJ per AC changes the SNN's energy; the inspector shows the selected population's spikes
 * and rate; the surrogate card says how much of lif1's membrane gets a negligible gradient.
 */
import { expect, test } from '@playwright/test';
import { LabPage } from './pages/LabPage';

test('the energy table and the surrogate gradient for the digits template', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open('?backend=wasm');
  await lab.waitForBackend();
  await lab.openTemplate(/Small LIF classifier/, 'lif1');
  const counts = lab.region('Hardware counts');
  await expect(counts).toContainText('appear once a sample is simulated');
  await lab.region('Run').getByLabel('Simulate only (no training)').check();
  await lab.button('Simulate').click();

  const table = counts.getByRole('table', { name: 'Energy table' });
  await expect(table).toBeVisible({ timeout: 120_000 });
  await expect(table.getByRole('row')).toHaveCount(1 + 2 + 2); // header, fc1 and fc2, total and energy
  await expect(table).toContainText('fc1');
  await expect(table).toContainText('lif1');
  const before = await counts.getByTestId('energy-snn').textContent();
  expect(before).toMatch(/[pnµ]J$/);
  await counts.getByLabel('pJ per AC').fill('9');
  await expect(counts.getByTestId('energy-snn')).not.toHaveText(before ?? '');
  const csv = await lab.downloadText(() => counts.getByRole('button', { name: /CSV/ }).click());
  expect(csv.split('\n')[0]).toBe('layer,source,drive,events,macsPerStep,synOps,annMacs');
  expect(csv).toContain('energy_pJ');

  await lab.node('lif1').click();
  const inspector = lab.region('Hardware counts of this node');
  await expect(inspector).toContainText('spikes');
  await expect(inspector).toContainText('Hz');

  await expect(lab.page.getByTestId('surrogate-summary')).toContainText(/\d+(\.\d)?% of values get under 1% of the peak gradient/);
  expect(lab.consoleErrors).toEqual([]);
});
