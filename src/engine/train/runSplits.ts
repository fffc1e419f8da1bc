/**
 * Which splits of a shipped set a run uses, from what the person named: a set ("braille", the
 * Run panel's choice) or one of its splits ("nmnist-test", as the CLI also takes).
 *  - training: the named split, else the set's "train" split (a set without one, such as
 *    dvs-gesture with its "clips", trains on its first); it tests on the set's "test" split,
 *    unless that is the split it trains on (then on none);
 *  - evaluating: the named split, else the test split (the training split when there is none),
 *    which is also what the page's Evaluate runs.
 * A web dataset (../datasets/remote/catalogue.ts) is among the sets once it is fetched into the
 * cache; before that its id, or one of its splits', is answered with how to fetch it.
 */
import { dataError } from '../datasets/errors';
import type { ManifestSet, ManifestSplit } from '../datasets/manifest';
import { WEB_DATASETS } from '../datasets/remote/catalogue';

export type RunPurpose = 'train' | 'evaluate';

export interface RunSplits {
  set: ManifestSet;
  /** The split trained on, or run through when evaluating. */
  main: ManifestSplit;
  /** The split tested on after each epoch (training only). */
  test?: ManifestSplit;
}

export function runSplits(sets: readonly ManifestSet[], named: string, purpose: RunPurpose): RunSplits {
  const set = sets.find((s) => s.id === named) ?? sets.find((s) => s.splits.some((p) => p.id === named));
  const web = WEB_DATASETS.find((d) => named === d.id || d.files.some((f) => named === `${d.id}-${f.split}`));
  if (!set && web) {
    throw dataError('DATA_UNKNOWN_DATASET', `${web.name} ("${web.id}") comes from the web and is not in the cache yet.`,
      `Fetch it first: \`spikelab datasets fetch ${web.id}\` (train then finds it through $SPIKELAB_CACHE, or --root DIR), or in the Run panel's Datasets from the web.`, named);
  }
  if (!set || set.splits.length === 0) {
    throw dataError('DATA_UNKNOWN_DATASET', `There is no shipped dataset "${named}".`,
      `Choose a set (${sets.map((s) => s.id).join(', ')}) or one of its splits (${sets.flatMap((s) => s.splits.map((p) => p.id)).join(', ')}).`, named);
  }
  const chosen = set.splits.find((p) => p.id === named);
  const train = set.splits.find((p) => p.split === 'train') ?? set.splits[0];
  const test = set.splits.find((p) => p.split === 'test');
  if (purpose === 'evaluate') return { set, main: chosen ?? test ?? train };
  const main = chosen ?? train;
  return test && test !== main ? { set, main, test } : { set, main };
}
