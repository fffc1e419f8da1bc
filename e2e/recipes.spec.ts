/**
 * A recipe from the Run panel, as a person uses one: pick it (its dataset and settings fill the
 * form), put its network on the canvas ("Use its network": the NIR paper CNN of `nmnist-conv`,
 * sized to nmnist40), Undo back to the graph before and Redo, take a training step on wasm. A recipe
 * whose dataset comes from the web cannot build its network until that is fetched, and says so.
 */
import { expect, test } from '@playwright/test';
import { LabPage } from './pages/LabPage';

test('pick a recipe, put its network on the canvas, undo and redo it, train a step', async ({ page }) => {
  test.setTimeout(240_000);
  const lab = new LabPage(page);
  await lab.open('?backend=wasm');
  await lab.waitForBackend();
  await lab.openTemplate(/Small LIF classifier/, 'lif1');
  const before = await lab.canvasNodes();

  await lab.runField('Recipe').selectOption('shd-spyx');
  await expect(lab.button('Use its network')).toBeDisabled();
  await expect(lab.button('Use its network')).toHaveAttribute('title', /shd.*not here yet: fetch it first/);

  await lab.runField('Recipe').selectOption('nmnist-conv');
  await expect(lab.runField('Dataset')).toHaveValue('nmnist40');
  await lab.button('Use its network').click();
  await expect(lab.node('conv3')).toBeVisible();
  const network = await lab.canvasNodes();
  expect(Object.entries(network).filter(([, type]) => type === 'Conv2d').map(([name]) => name).sort()).toEqual(['conv1', 'conv2', 'conv3']);
  expect(network.lif4).toBe('LIF');
  await expect(lab.runField('Dataset')).toHaveValue('nmnist40'); // the recipe's settings stay
  await expect(lab.runField('Batch')).toHaveValue('32');

  // One undo step, as a template: Undo brings the graph before back, Redo the recipe's network.
  await lab.button('Undo').click();
  await expect.poll(() => lab.canvasNodes()).toEqual(before);
  await lab.button('Redo').click();
  await expect.poll(() => lab.canvasNodes()).toEqual(network);

  await lab.button('Step').click();
  await expect(lab.page.getByTestId('run-step')).toHaveText(/^step 1 \/ \d+/, { timeout: 120_000 });
  expect(lab.consoleErrors).toEqual([]);
});
