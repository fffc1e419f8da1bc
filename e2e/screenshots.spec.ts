import { expect, test } from '@playwright/test';
import { LabPage } from './pages/LabPage';

// The main screen after a short training run, in both themes (looked at by a person; see
// e2e/screenshots/). What the test asserts is that both themes render the same regions.
for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme, viewport: { width: 1440, height: 900 } });

    test(`main screen in the ${colorScheme} theme`, async ({ page }) => {
      const lab = new LabPage(page);
      await lab.open('?backend=wasm');
      await lab.waitForBackend();
      await lab.runField('Samples / epoch').fill('256');
      await lab.runField('Epochs').fill('1');
      await lab.button('Train').click();
      await lab.waitForPhase('done');
      await lab.node('lif1').click();
      for (const name of ['Palette', 'Canvas', 'Inspector', 'Run', 'Spike raster', 'Membrane traces', 'Training curves']) {
        await expect(lab.region(name)).toBeVisible();
      }
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(background).toBe(colorScheme === 'dark' ? 'rgb(20, 23, 28)' : 'rgb(255, 255, 255)');
      await page.screenshot({ path: `e2e/screenshots/main-${colorScheme}.png` });
    });
  });
}
