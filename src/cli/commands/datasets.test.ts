/** `spikelab datasets` run in-process (its JSON goes to stdout): listing, loading one split, and fetching web datasets. */
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fixture } from '../../../test/paths';
import { CACHE_ENV } from '../../engine/datasets/remote/diskStore';
import { startLocalServer, type LocalServer } from '../../engine/datasets/remote/testing/localServer';
import { parseArgs } from '../args';
import { setupRun } from '../trainingOptions';
import { datasetRoot, datasets } from './datasets';

async function runLines(...argv: string[]): Promise<{ code: number; lines: Record<string, unknown>[] }> {
  let text = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    text += String(chunk);
    return true;
  });
  try {
    const code = await datasets.run(parseArgs(argv));
    return { code, lines: text.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>) };
  } finally {
    vi.restoreAllMocks();
  }
}

async function run(...argv: string[]): Promise<{ code: number; json: Record<string, unknown> }> {
  const { code, lines } = await runLines(...argv);
  return { code, json: lines.at(-1) ?? {} };
}

afterEach(() => vi.restoreAllMocks());

describe('spikelab datasets', () => {
  it('lists the shipped sets with their split ids', async () => {
    const { code, json } = await run('--root', 'public/datasets');
    expect(code).toBe(0);
    const sets = json.sets as Array<{ id: string; splits: Array<{ id: string }> }>;
    expect(sets.find((s) => s.id === 'nmnist')?.splits.map((p) => p.id)).toEqual(['nmnist-train', 'nmnist-test']);
  });

  it('loads digits-test with latency coding at T = 8: one spike at most per pixel', async () => {
    const { code, json } = await run('digits-test', '--T', '8', '--coding', 'latency');
    expect(code).toBe(0);
    expect(json).toMatchObject({ id: 'digits-test', n: 359, T: 8, featureShape: [8, 8], licence: 'CC BY 4.0' });
    expect(json.spikeDensity as number).toBeGreaterThan(0);
    expect(json.spikeDensity as number).toBeLessThanOrEqual(1 / 8);
  });

  it('refuses an unknown coding with CLI_BAD_OPTION', async () => {
    await expect(run('digits-test', '--coding', 'phase')).rejects.toMatchObject({ code: 'CLI_BAD_OPTION' });
  });
});

describe('spikelab datasets fetch / cache / clear (a local server, no network)', () => {
  const shd = new Uint8Array(readFileSync(fixture('data', 'synthetic_format_fixtures', 'shd_format_SYNTHETIC_h5py.h5')));
  const gz = new Uint8Array(gzipSync(shd));
  const corrupt = Uint8Array.from(gz);
  corrupt[gz.length >> 1] ^= 0x55;
  let server: LocalServer;
  let cache: string;

  beforeAll(async () => {
    server = await startLocalServer({ '/data/shd_test.h5.gz': { kind: 'plain', body: gz }, '/data/bad.h5.gz': { kind: 'plain', body: corrupt } });
    cache = await mkdtemp(join(tmpdir(), 'spikelab-cli-cache-'));
  });
  afterAll(async () => {
    await server.close();
    await rm(cache, { recursive: true, force: true });
  });

  it('fetches an address into the cache, printing progress lines and the cached set; then describes, trains from and clears it', async () => {
    const { code, lines } = await runLines('fetch', server.url('/data/shd_test.h5.gz'), '--cache', cache);
    expect(code).toBe(0);
    const progress = lines.filter((l) => l.event === 'progress');
    expect(progress[0]).toMatchObject({ phase: 'download', file: 1, files: 1, fileName: 'shd_test.h5.gz' });
    expect(progress.map((p) => p.phase)).toEqual(expect.arrayContaining(['download', 'unpack', 'store']));
    const done = lines.at(-1)!;
    expect(done).toMatchObject({ event: 'done', cache, T: 128, featureShape: [128], licence: 'CC BY 4.0', splits: [{ split: 'train', n: 6 }] });
    const id = done.id as string;
    expect(done.train).toBe(`spikelab train --dataset ${id}`);

    const described = await run(`${id}-train`, '--cache', cache);
    expect(described.json).toMatchObject({ id: `${id}-train`, n: 6, T: 128, featureShape: [128] });
    const listed = await run('cache', '--cache', cache);
    expect(listed.json).toMatchObject({ cache, sets: [{ id, splits: [{ id: `${id}-train`, n: 6 }] }] });
    expect((listed.json.catalogue as { id: string }[]).map((d) => d.id)).toEqual(['shd', 'ssc', 'nmnist-full', 'dvs-gesture', 'dvs-gesture-tonic']);

    // `spikelab train --dataset <id>` finds the cached copy (SPIKELAB_CACHE, as train has no --cache)
    vi.stubEnv(CACHE_ENV, cache);
    try {
      expect(datasetRoot(parseArgs(['--dataset', id]))).toBe(cache);
      expect(datasetRoot(parseArgs(['--dataset', 'digits']))).toMatch(/public[\\/]datasets$/);
      const setup = await setupRun(parseArgs(['--dataset', id]), { needTrain: true });
      expect(setup).toMatchObject({ dataSource: `${id}-train (${done.name as string})` });
      expect(setup.train).toMatchObject({ n: 6, T: 128, featureShape: [128] });
    } finally {
      vi.unstubAllEnvs();
    }

    expect((await run('clear', '--cache', cache)).json).toEqual({ cleared: 'all', cache });
    expect(await readdir(cache)).toEqual([]);
  });

  it('refuses a corrupted gzip with its code, keeping nothing', async () => {
    await expect(runLines('fetch', server.url('/data/bad.h5.gz'), '--cache', cache)).rejects.toMatchObject({ code: 'DATA_REMOTE_BAD_GZIP' });
    expect(await readdir(cache)).toEqual([]);
    await expect(runLines('fetch', 'mnist-full', '--cache', cache)).rejects.toMatchObject({ code: 'DATA_REMOTE_BAD_SOURCE', hint: expect.stringContaining('shd, ssc, nmnist-full') });
  });
});
