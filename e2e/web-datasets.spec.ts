import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { startLocalServer, type LocalServer } from '../src/engine/datasets/remote/testing/localServer';
import { fixture } from '../test/paths';
import { LabPage } from './pages/LabPage';

/**
 * Datasets from the web, with a local server in place of the publishers' hosts (no network): a
 * synthetic SHD file in the official .h5.gz format, served slowly enough to watch the progress
 * bar, once cut off mid-body (Cancel) and once corrupted. The page fetches it by its address into
 * OPFS, lists it with the shipped sets, still has it after a reload, replaces it, removes it and
 * clears the cache, checking what OPFS holds.
 */
const shd = gzipSync(readFileSync(fixture('data', 'synthetic_format_fixtures', 'shd_format_SYNTHETIC_h5py.h5')));
const corrupt = Uint8Array.from(shd);
corrupt[shd.length >> 1] ^= 0x55;

let server: LocalServer;
test.beforeAll(async () => {
  server = await startLocalServer({
    '/datasets/shd_test.h5.gz': { kind: 'plain', body: shd, chunkBytes: 2048, delayMs: 250 },
    '/datasets/stalled.h5.gz': { kind: 'stall', body: shd, dropAfter: 4096 },
    '/datasets/corrupt.h5.gz': { kind: 'plain', body: corrupt },
    '/datasets/quick.h5.gz': { kind: 'plain', body: shd },
  });
});
test.afterAll(() => server.close());

/** Every file the lab keeps in OPFS for web datasets, by path. */
function opfsFiles(lab: LabPage): Promise<string[]> {
  return lab.page.evaluate(async () => {
    const files: string[] = [];
    const walk = async (dir: FileSystemDirectoryHandle, prefix: string) => {
      for await (const [name, handle] of (dir as unknown as { entries(): AsyncIterable<[string, FileSystemHandle]> }).entries()) {
        if (handle.kind === 'directory') await walk(handle as FileSystemDirectoryHandle, `${prefix}${name}/`);
        else files.push(`${prefix}${name}`);
      }
    };
    await walk(await (await navigator.storage.getDirectory()).getDirectoryHandle('spikelab-datasets', { create: true }), '');
    return files.sort();
  });
}

test('a dataset fetched by its address streams with progress, is cached in OPFS across a reload, replaced, removed and cleared', async ({ page }, testInfo) => {
  const lab = new LabPage(page);
  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.addInitScript(() => localStorage.setItem('spikelab.panels', JSON.stringify({ side: 440, run: 760 })));
  await lab.open('?backend=wasm');
  await lab.waitForBackend();
  const run = lab.region('Run');
  const panel = run.getByTestId('web-datasets');
  await panel.locator('summary').click();
  await expect(panel.getByTestId('web-set-shd')).toContainText('SHD — Spiking Heidelberg Digits · train 8,156, test 2,264');
  await expect(panel.getByTestId('web-set-shd')).toContainText('CC BY 4.0');
  await expect(panel.getByTestId('web-set-nmnist-full')).toContainText('CC BY-SA 4.0');
  await expect(panel.getByTestId('web-cache')).toContainText('Nothing cached yet.');
  const address = panel.getByLabel('Address of a dataset file');
  const fetch = panel.getByRole('button', { name: 'Fetch', exact: true }).last();

  // Cancel mid-download: nothing kept.
  await address.fill(server.url('/datasets/stalled.h5.gz'));
  await fetch.click();
  await expect(panel.getByTestId('web-fetch')).toContainText(/Downloading stalled\.h5\.gz: 4\.0 KiB of 28\.\d KiB/);
  await panel.getByRole('button', { name: 'Cancel' }).click();
  await expect(panel.getByTestId('web-outcome')).toContainText(/Stopped fetching http:\S+\/stalled\.h5\.gz; nothing of it was kept\./);
  await expect(panel.getByTestId('web-cache')).toContainText('Nothing cached yet.');

  // A corrupted gzip: the reason and its code.
  await address.fill(server.url('/datasets/corrupt.h5.gz'));
  await fetch.click();
  await expect(panel.getByRole('alert')).toContainText('is gzip-compressed but does not decompress');
  await expect(panel.getByRole('alert')).toContainText('DATA_REMOTE_BAD_GZIP');
  await panel.getByRole('button', { name: 'Dismiss' }).click();

  // The good file: bytes, rate and time left while it streams, then listed in the picker and the cache.
  await address.fill(server.url('/datasets/shd_test.h5.gz'));
  await fetch.click();
  const bar = panel.getByTestId('web-fetch');
  await expect(bar).toContainText(/Downloading shd_test\.h5\.gz: [\d.]+ KiB of 28\.\d KiB · [\d.]+ KiB\/s · \d+ s left/);
  await panel.screenshot({ path: testInfo.outputPath('web-datasets-fetching.png') });
  await expect(panel.getByTestId('web-outcome')).toContainText(/Fetched shd_test\.h5\.gz \(127\.0\.0\.1:\d+\) \(train 6; 13\.\d KiB\)/);
  const cached = panel.getByTestId('web-cache');
  await expect(cached).toContainText("Cached in this browser's storage for the lab (OPFS): 13.");
  await expect(cached).toContainText(/This browser lets the lab use [\d.]+ [MG]iB \([\d.]+ [KM]iB in use\)\./);
  await expect(cached.locator('li')).toContainText(/shd_test\.h5\.gz \(127\.0\.0\.1:\d+\) — train 6 · T 128 × \[128\]/);
  const picker = lab.runField('Dataset');
  await expect(picker.locator('option', { hasText: 'shd_test.h5.gz (127.0.0.1' })).toHaveCount(1);
  await panel.screenshot({ path: testInfo.outputPath('web-datasets-cached.png') });

  // After a reload it is still there (OPFS), in the panel and in the picker.
  await page.reload();
  await lab.waitForBackend();
  await expect(panel.locator('summary')).toHaveText('Datasets from the web (1 cached)');
  await panel.locator('summary').click();
  await expect(panel.getByTestId('web-cache').locator('li')).toHaveCount(1);
  await expect(lab.runField('Dataset').locator('option', { hasText: 'shd_test.h5.gz (127.0.0.1' })).toHaveCount(1);

  // The same address again replaces it (a new file, a rewritten manifest, the old file gone); Remove forgets it.
  const before = await opfsFiles(lab);
  await panel.getByLabel('Address of a dataset file').fill(server.url('/datasets/shd_test.h5.gz'));
  await panel.getByRole('button', { name: 'Fetch', exact: true }).last().click();
  await expect(panel.getByTestId('web-outcome')).toContainText('Fetched shd_test.h5.gz');
  const after = await opfsFiles(lab);
  expect(after).toHaveLength(2);
  expect(after).toContain('manifest.json');
  expect(after.filter((f) => f !== 'manifest.json')).not.toEqual(before.filter((f) => f !== 'manifest.json'));
  await panel.getByTestId('web-cache').getByRole('button', { name: 'Remove' }).click();
  await expect(panel.getByTestId('web-cache')).toContainText('Nothing cached yet.');
  expect(await opfsFiles(lab)).toEqual(['manifest.json']);

  // Clear all: gone from the cache, the picker and OPFS.
  await panel.getByLabel('Address of a dataset file').fill(server.url('/datasets/quick.h5.gz'));
  await panel.getByRole('button', { name: 'Fetch', exact: true }).last().click();
  await expect(panel.getByTestId('web-cache').locator('li')).toHaveCount(1);
  await expect(lab.runField('Dataset').locator('option', { hasText: 'quick.h5.gz' })).toHaveCount(1);
  await panel.getByRole('button', { name: 'Clear all' }).click();
  await expect(panel.getByTestId('web-cache')).toContainText('Nothing cached yet.');
  await expect(lab.runField('Dataset').locator('option', { hasText: 'quick.h5.gz' })).toHaveCount(0);
  expect(await opfsFiles(lab)).toEqual([]);
  expect(lab.consoleErrors).toEqual([]);
});
