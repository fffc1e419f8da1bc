/**
 * Loaded splits kept between runs, so that training again (new settings, a reset, another graph)
 * does not fetch and decode the same split again. A spike set is kept as stored; an image set
 * once per T it was coded at. The worker keeps one for its lifetime; the CLI one per command.
 */
import { loadDataset, type FetchBytes, type LoadOptions } from '../datasets/index';
import type { ManifestSet, ManifestSplit } from '../datasets/manifest';
import type { SpikeDataset } from '../datasets/spikeDataset';

/** What loading a split takes from the caller: where its bytes come from, and Node's gzip and caps for the CLI. */
export interface SplitLoader {
  fetchBytes: FetchBytes;
  options?: Pick<LoadOptions, 'codec' | 'maxInflatedBytes' | 'maxDatasetBytes'>;
}

export class SplitCache {
  private readonly held = new Map<string, SpikeDataset>();

  /** The split coded at T (image sets), loaded through `loader` unless held; `onFraction` goes 0 → 1. */
  async split(set: ManifestSet, split: ManifestSplit, T: number, loader: SplitLoader, onFraction?: (fraction: number) => void): Promise<SpikeDataset> {
    const key = `${split.id}@${set.kind === 'images' ? T : 'native'}`;
    let dataset = this.held.get(key);
    if (!dataset) {
      dataset = await loadDataset(split.id, loader.fetchBytes, { ...loader.options, T, onProgress: (p) => onFraction?.(p.fraction) });
      this.held.set(key, dataset);
    }
    onFraction?.(1);
    return dataset;
  }
}
