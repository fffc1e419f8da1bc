/**
 * The Spyx SHD recipe (./shd.ts) on the SHD the lab fetches from the web, without the web: the
 * synthetic SHD fixtures, gzipped as the hosts serve them, fetched from a local server into a
 * temporary cache (as ../../datasets/remote/fetchDataset.test.ts does), then `spikelab train
 * --recipe shd-spyx` run in-process for one step, finding the cache through $SPIKELAB_CACHE.
 * Before the fetch, the recipe's dataset is answered with how to fetch it.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fixture } from '../../../../test/paths';
import { parseArgs } from '../../../cli/args';
import { setupRun } from '../../../cli/trainingOptions';
import { findWebDataset } from '../../datasets/remote/catalogue';
import { DatasetCache } from '../../datasets/remote/datasetCache';
import { CACHE_ENV, DiskStore } from '../../datasets/remote/diskStore';
import { fetchDataset } from '../../datasets/remote/fetchDataset';
import { startLocalServer, type LocalServer } from '../../datasets/remote/testing/localServer';
import { validateGraph } from '../../graph/validate';
import { recipeByName } from './index';
import { trainLines } from './testing/trainLines';

const SYNTHETIC_SHD = fixture('data', 'synthetic_format_fixtures');
const gzipped = (name: string) => new Uint8Array(gzipSync(readFileSync(join(SYNTHETIC_SHD, name))));

describe('shd-spyx on SHD from the web (a local server, no network)', () => {
  const recipe = recipeByName('shd-spyx')!;
  let server: LocalServer;
  let cache: string;

  beforeAll(async () => {
    server = await startLocalServer({
      '/shd_train.h5.gz': { kind: 'plain', body: gzipped('shd_format_SYNTHETIC_h5py.h5') },
      '/shd_test.h5.gz': { kind: 'plain', body: gzipped('shd_format_SYNTHETIC_pytables.h5') },
    });
    cache = await mkdtemp(join(tmpdir(), 'spikelab-recipe-shd-'));
    vi.stubEnv(CACHE_ENV, cache);
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await server.close();
    await rm(cache, { recursive: true, force: true });
  });

  it('says how to fetch SHD while the cache does not hold it', async () => {
    await expect(setupRun(parseArgs(['--recipe', recipe.name]), { needTrain: true })).rejects.toMatchObject({
      code: 'DATA_UNKNOWN_DATASET', message: expect.stringContaining('comes from the web'), hint: expect.stringContaining('spikelab datasets fetch shd'),
    });
  });

  it('trains a step of the Spyx network on the fetched SHD, at dt = 1 step', async () => {
    const shd = findWebDataset(recipe.dataset)!;
    const local = { ...shd, files: shd.files.map((f) => ({ ...f, urls: [server.url(`/${f.fileName}`)] })) };
    await fetchDataset(new DatasetCache(new DiskStore(cache)), { source: 'shd' }, { catalogue: [local] });

    const setup = await setupRun(parseArgs(['--recipe', recipe.name]), { needTrain: true });
    expect(setup).toMatchObject({ graphSource: "recipe shd-spyx's network", dataSource: expect.stringMatching(/^shd-train /), dt: 1 });
    expect(setup.train).toMatchObject({ n: 6, T: 128, featureShape: [128] });
    expect(setup.test?.n).toBe(6);
    expect(Object.keys(setup.graph.nodes)).toEqual(['input', 'fc1', 'lif1', 'fc2', 'lif2', 'fc3', 'li', 'output']);
    const { shapes, problems } = validateGraph(setup.graph);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect([shapes.lif2?.output, shapes.output?.input]).toEqual([[128], [setup.train.classes]]);

    // the synthetic files hold 6 samples each, fewer than the recipe's batch of 256
    const lines = await trainLines('--recipe', recipe.name, '--batch', '4', '--steps', '1', '--backend', 'cpu');
    expect(lines[0]).toMatchObject({
      event: 'start', dt: 1, lr: 5e-4, optimizer: 'adam', loss: 'integral_ce', surrogate: { name: 'spyx_arctan', slope: 2 }, keepBest: false, epochs: 1, steps: 1,
    });
    const done = lines.at(-1)!;
    expect(done).toMatchObject({ event: 'done', steps: 1, weights: 'last step', test: { n: 6 } });
    expect(Number.isFinite(done.first_loss)).toBe(true);
  });
});
