import { expect, test } from '@playwright/test';
import { LabPage } from './pages/LabPage';

test('edit a parameter, undo and redo it with the buttons and the keyboard', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open('?backend=wasm');
  await lab.openTemplate(/Small LIF classifier/, 'lif1');
  await lab.node('lif1').click();
  const inspector = lab.region('Inspector');
  await expect(inspector).toContainText('τ·dv/dt = (v_leak − v) + R·I');
  const tau = inspector.getByLabel('tau (s)');
  await expect(tau).toHaveValue('0.02');

  await tau.fill('0');
  await tau.press('Enter');
  await expect(inspector.getByRole('alert')).toContainText('tau must be greater than 0');
  await tau.fill('0.05');
  await tau.press('Enter');
  await expect(tau).toHaveValue('0.05');

  await lab.button('Undo').click();
  await expect(inspector.getByLabel('tau (s)')).toHaveValue('0.02');
  await lab.button('Redo').click();
  await expect(inspector.getByLabel('tau (s)')).toHaveValue('0.05');

  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('ControlOrMeta+z');
  await lab.node('lif1').click();
  await expect(inspector.getByLabel('tau (s)')).toHaveValue('0.02');

  const reset = inspector.getByLabel('reset', { exact: true });
  await reset.selectOption('subtract');
  await expect(reset).toHaveValue('subtract');
  await lab.button('Undo').click();
  await expect(inspector.getByLabel('reset', { exact: true })).toHaveValue('to_reset');
  expect(lab.consoleErrors).toEqual([]);
});

test('delete a node, paste a copy, and see shapes checked on the canvas', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open('?backend=wasm');
  await lab.openTemplate(/Small LIF classifier/, 'lif1');
  await expect(lab.page.getByTestId('edge-fc1->lif1')).toHaveText('[64]');
  await lab.node('lif1').click();
  await page.keyboard.press('ControlOrMeta+c');
  await page.keyboard.press('Delete');
  await expect(lab.node('lif1')).toHaveCount(0);
  await page.keyboard.press('ControlOrMeta+v');
  await expect(lab.node('lif1')).toHaveCount(1);
  await expect(lab.page.getByTestId('edge-fc1->lif1')).toHaveCount(0);
  await lab.button('Undo').click();
  await lab.button('Undo').click();
  await expect(lab.page.getByTestId('edge-fc1->lif1')).toHaveText('[64]');

  await lab.node('fc2').click();
  const features = lab.region('Inspector').getByLabel('out, in features');
  await features.fill('10, 32');
  await features.press('Enter');
  await expect(lab.page.getByTestId('edge-lif1->fc2')).toContainText('⚠');
  await expect(lab.region('Inspector')).toContainText('Problems');
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText('Undo');
});

test('a connection between mismatched shapes is refused while dragging, with the reason', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open('?backend=wasm');
  await lab.openTemplate(/Small LIF classifier/, 'lif1');
  const from = await lab.node('lif1').locator('.react-flow__handle.source').boundingBox();
  const to = await lab.node('readout').locator('.react-flow__handle.target').boundingBox();
  if (!from || !to) throw new Error('handles not on screen');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 8 });
  await expect(page.getByRole('alert').filter({ hasText: 'Cannot connect' })).toContainText(/\[64\]|\[10\]/);
  await page.mouse.up();
  await expect(page.locator('.react-flow__edge')).toHaveCount(5);
  await expect(page.getByTestId('edge-lif1->readout')).toHaveCount(0);
});
