import { expect, test } from '@playwright/test';
import { fixturePath, twinEdgeCount, twinNodes } from './fixtures';
import { LabPage } from './pages/LabPage';

// Files the official reader opens as they are: the canvas shows the same top-level nodes.
const GOOD = ['cuba_snn.nir', 'conv_nmnist.nir', 'shd_rsnn_flat.nir', 'shd_rsnn_subgraph.nir', 'elementwise_f64.nir', 'legacy_v1.0.4_avgpool_metadata.nir'];

test('dropped NIR files open with the nodes and types of their JSON twin', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open('?backend=wasm');
  await lab.waitForBackend();
  for (const name of GOOD) {
    await lab.dropFile(fixturePath(name));
    await expect(lab.notes()).toContainText(`Opened ${name}`);
    await expect.poll(() => lab.canvasNodes()).toEqual(twinNodes(name));
    await expect(lab.page.locator('.react-flow__edge')).toHaveCount(twinEdgeCount(name));
    await expect(lab.notes()).toContainText('dt guess');
  }
  expect(lab.consoleErrors).toEqual([]);
});

test('a corrupt file says what is wrong and leaves the graph as it was', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open('?backend=wasm');
  await lab.dropFile(fixturePath('cuba_snn.nir'));
  await expect(lab.notes()).toContainText('Opened cuba_snn.nir');
  const before = await lab.canvasNodes();

  await lab.dropBytes(Buffer.from('this is not an HDF5 file at all, just text'), 'broken.nir');
  const alert = lab.notes().getByRole('alert');
  await expect(alert).toContainText('Could not open broken.nir');
  await expect(alert).toContainText('Your current graph is unchanged');
  expect(await lab.canvasNodes()).toEqual(before);

  await lab.dropFile(fixturePath('bad/bad_datafile.nir'));
  await expect(lab.notes().getByRole('alert').last()).toContainText('recorded activity');
  expect(await lab.canvasNodes()).toEqual(before);

  await alert.first().getByRole('button', { name: 'Dismiss' }).click();
  await expect(lab.notes().getByText('Could not open broken.nir')).toHaveCount(0);
});
