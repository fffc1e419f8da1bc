/**
 * Where the benchmark reads the shipped datasets (public/datasets) from. The engine touches
 * neither the file system nor the page: the CLI registers a file reader rooted at public/datasets
 * (src/cli/commands/bench.ts), the bench worker a fetch from the page origin
 * (src/harness/pages/bench.worker.ts), tests whichever they like. Each split is loaded once per source.
 */
import { SpikelabError } from '../../engine/core/errors';
import { loadDataset, type FetchBytes, type GunzipCodec, type SpikeDataset } from '../../engine/datasets/index';

export interface BenchDataSource {
  fetchBytes: FetchBytes;
  /** Gzip implementation (the CLI passes zlibGunzip; the browser's default is DecompressionStream). */
  codec?: GunzipCodec;
}

let source: BenchDataSource | null = null;
const loaded = new Map<string, Promise<SpikeDataset>>();

/** Registers (or, with null, forgets) where shipped datasets are read from. */
export function setBenchDataSource(next: BenchDataSource | null): void {
  source = next;
  loaded.clear();
}

/** One split of a shipped set (e.g. "nmnist64-train"), through the registered source. */
export function loadBenchDataset(id: string): Promise<SpikeDataset> {
  const from = source;
  if (!from) {
    return Promise.reject(new SpikelabError('BENCH_NO_DATA_SOURCE', `No dataset source is registered, so ${id} cannot be read.`,
      'Call setBenchDataSource (the CLI and the bench worker do) or run with --data synthetic.'));
  }
  let pending = loaded.get(id);
  if (!pending) {
    pending = loadDataset(id, from.fetchBytes, { codec: from.codec });
    loaded.set(id, pending);
    pending.catch(() => loaded.delete(id));
  }
  return pending;
}
