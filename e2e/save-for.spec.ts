/**
 * "Save for…": the dialog says what the rewrite for a peer's importer changes before anything is
 * written, downloads NAME.<target>.nir that passes the NIR validator, and refuses (Save off, the
 * node and the reason shown) a network the peer cannot read right.
 */
import { expect, test } from '@playwright/test';
import { LabPage } from './pages/LabPage';
import { validateNir } from './python';

test('save a template for snnTorch and for Norse; a recurrent one is refused for Norse', async ({ page }, testInfo) => {
  const lab = new LabPage(page);
  await lab.open('?backend=wasm');
  await lab.waitForBackend();
  await lab.openTemplate(/Small LIF classifier/, 'lif1');

  await lab.button('Save for…').click();
  const dialog = page.getByRole('dialog', { name: 'Save for' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('for snnTorch').check();
  await expect(dialog).toContainText('snntorch.import_from_nir');
  await expect(dialog).toContainText('Time rescaled from dt = 0.001');
  await expect(dialog).toContainText('snnTorch has no LI');
  const download = await lab.download(() => dialog.getByRole('button', { name: /^Save .*\.snntorch\.nir$/ }).click());
  expect(download.suggestedFilename()).toMatch(/\.snntorch\.nir$/);
  const saved = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(saved);
  const verdict = validateNir(saved);
  expect(verdict.status, verdict.output).toBe(0);
  await expect(dialog).toBeHidden();

  await lab.openTemplate(/Recurrent LIF/, 'rec');
  await lab.button('Save for…').click();
  await dialog.getByLabel('for Norse').check();
  await expect(dialog.getByRole('alert')).toContainText('maps no recurrent graphs');
  await expect(dialog.getByRole('button', { name: /^Save / })).toBeDisabled();
  await dialog.getByLabel(/^NIR/).check();
  await expect(dialog).toContainText('Written as it is.');
  await expect(dialog.getByRole('button', { name: /^Save .*\.nir$/ })).toBeEnabled();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(lab.consoleErrors).toEqual([]);
});
