/**
 * Dataset inputs stay inside their caps and their folder (issue 16): manifest paths with "..",
 * absolute paths or symlinks out are refused before anything is read or hashed; a gzip bomb stops
 * at the inflate cap; manifest counts and shapes are checked before they size anything.
 */
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { fileFetcher } from './fetchersNode';
import { streamGunzip } from './formats/gzip';
import { zlibGunzip } from './formats/gzipNode';
import { sha256Hex } from './formats/sha256';
import { loadDataset } from './index';
import { isInsideRoot } from './manifest';

const root = mkdtempSync(join(tmpdir(), 'spikelab-limits-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function manifestNaming(file: string, stored: Uint8Array, change: Record<string, unknown> = {}): Promise<void> {
  const split = { id: 'toy-test', split: 'test', file, bytes: stored.length, sha256: await sha256Hex(stored), n: 1, classCounts: [1] };
  const set = { id: 'toy', name: 'toy', kind: 'spikes', description: '', T: 8, dt: 0.001, binning: '', featureShape: [4], featureOrder: 'c', classes: ['a'], licence: '', attribution: '', source: '', splits: [split], ...change };
  writeFileSync(join(root, 'manifest.json'), JSON.stringify({ format: 'spikelab-datasets-manifest/1', totalBytes: stored.length, sets: [set] }));
}

describe('dataset limits', () => {
  it('tells plain relative paths from ones that could leave the root', () => {
    expect(['a.gz', 'sub/a.safetensors.gz'].every(isInsideRoot)).toBe(true);
    expect(['../../../../etc/passwd', '/etc/passwd', 'a/../../b', 'C:\\x', 'file:///etc/passwd', '', '.', 'a//b'].some(isInsideRoot)).toBe(false);
  });

  it('refuses a manifest entry naming ../../../../etc/passwd without reading it', async () => {
    await manifestNaming('../../../../etc/passwd', new Uint8Array(4));
    await expect(loadDataset('toy-test', fileFetcher(root), { codec: zlibGunzip })).rejects.toMatchObject({ code: 'DATA_BAD_PATH' });
  });

  it('refuses a file that is a symbolic link out of the dataset folder', async () => {
    symlinkSync('/etc/hostname', join(root, 'out.gz'));
    await expect(fileFetcher(root)('out.gz')).rejects.toMatchObject({ code: 'DATA_BAD_PATH' });
    await expect(fileFetcher(root)('../x')).rejects.toMatchObject({ code: 'DATA_BAD_PATH' });
  });

  it('refuses manifest counts and shapes past the caps', async () => {
    for (const change of [{ featureShape: [1e9, 1e9] }, { T: 1e12 }, { splits: [{ id: 'toy-test', file: 'a.gz', bytes: 1, sha256: '0'.repeat(64), n: -1 }] }]) {
      await manifestNaming('a.gz', new Uint8Array(4), change);
      await expect(loadDataset('toy-test', fileFetcher(root), { codec: zlibGunzip })).rejects.toMatchObject({ code: 'DATA_BAD_MANIFEST' });
    }
  });

  it('stops a gzip bomb at the inflate cap with DATA_TOO_LARGE (zlib and DecompressionStream)', async () => {
    const bomb = new Uint8Array(gzipSync(new Uint8Array(64 * 2 ** 20)));
    expect(bomb.length).toBeLessThan(100_000);
    writeFileSync(join(root, 'bomb.gz'), bomb);
    await manifestNaming('bomb.gz', bomb);
    const error = await loadDataset('toy-test', fileFetcher(root), { codec: zlibGunzip, maxInflatedBytes: 8 * 2 ** 20 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'DATA_TOO_LARGE' });
    expect((error as Error).message).toMatch(/8\.0 MiB/);
    await expect(streamGunzip.gunzip(bomb, 2 ** 20)).rejects.toMatchObject({ code: 'DATA_TOO_LARGE' });
    expect((await zlibGunzip.gunzip(bomb)).length).toBe(64 * 2 ** 20);
  });
});
