/**
 * Converts the raw data of ../shared/data into public/datasets: one gzipped Spikelab dataset file
 * per set and split (src/engine/datasets/formats/packedFile.ts) plus manifest.json.
 * Deterministic: the same input gives byte-identical files.
 *
 *   npx tsx scripts/datasets/build.ts [--data ../shared/data] [--out public/datasets]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { countSpikes } from '../../src/engine/datasets/formats/bitpack';
import { gzipDeterministic } from '../../src/engine/datasets/formats/gzipNode';
import { writeDatasetFile } from '../../src/engine/datasets/formats/packedFile';
import { sha256Hex } from '../../src/engine/datasets/formats/sha256';
import { MANIFEST_FORMAT, type DatasetManifest, type ManifestSet } from '../../src/engine/datasets/manifest';
import { SourceData } from './sourceData';
import { buildBraille } from './sets/braille';
import { buildDvsGesture } from './sets/dvsGesture';
import { buildFsdd } from './sets/fsdd';
import { buildDigits, buildMnist } from './sets/images';
import { buildNmnist1ms, buildNmnistBins } from './sets/nmnist';
import type { BuiltSet } from './sets/types';

function argument(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

async function writeSet(built: BuiltSet, outDir: string): Promise<ManifestSet> {
  const set: ManifestSet = { ...built.meta, splits: [] };
  for (const s of built.splits) {
    const id = `${set.id}-${s.split}`;
    const file = `${id}.safetensors.gz`;
    const raw = await writeDatasetFile({
      header: {
        kind: set.kind, id, name: set.name, split: s.split, n: s.n, T: set.T, featureShape: set.featureShape,
        featureOrder: set.featureOrder, dt: set.dt, binning: set.binning, classes: set.classes, licence: set.licence,
        attribution: set.attribution, source: set.source, maxValue: built.maxValue,
      },
      data: s.data, labels: s.labels, ids: s.ids,
    });
    const stored = gzipDeterministic(raw);
    writeFileSync(join(outDir, file), stored);
    const classCounts = set.classes.map((_, c) => s.labels.filter((l) => l === c).length);
    set.splits.push({ id, split: s.split, file, bytes: stored.length, sha256: await sha256Hex(stored), n: s.n, classCounts });
    const density = set.kind === 'spikes' ? ` spike density ${(countSpikes(s.data) / (s.n * (set.T as number) * s.data.length / s.n / Math.ceil((set.T as number) / 8))).toFixed(4)}` : '';
    console.log(`${file}: n=${s.n} raw ${(raw.length / 1e6).toFixed(2)} MB → ${(stored.length / 1e6).toFixed(3)} MB${density}`);
  }
  return set;
}

async function main(): Promise<void> {
  const src = new SourceData(resolve(argument('--data', '../shared/data')));
  const outDir = resolve(argument('--out', 'public/datasets'));
  mkdirSync(outDir, { recursive: true });
  const builders: (() => BuiltSet)[] = [
    () => buildNmnist1ms(src, ['train', 'test']),
    () => buildNmnistBins(src, 40),
    () => buildNmnistBins(src, 64),
    () => buildBraille(src),
    () => buildFsdd(src),
    () => buildMnist(src),
    () => buildDigits(src),
    () => buildDvsGesture(src),
  ];
  const sets: ManifestSet[] = [];
  for (const build of builders) sets.push(await writeSet(build(), outDir));
  const totalBytes = sets.reduce((sum, s) => sum + s.splits.reduce((a, p) => a + p.bytes, 0), 0);
  const manifest: DatasetManifest = { format: MANIFEST_FORMAT, totalBytes, sets };
  writeFileSync(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`total ${(totalBytes / 1e6).toFixed(2)} MB in ${sets.reduce((a, s) => a + s.splits.length, 0)} files`);
}

await main();
