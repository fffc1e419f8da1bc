/**
 * The fetched splits as the cache keeps them: each one a Spikelab dataset file (bit-packed
 * spikes, labels, the header with binning, classes, licence and source: ../formats/packedFile.ts)
 * and one manifest entry for the set. Only spikes can be kept this way: a file whose values are
 * not all 0 or 1 (read as float32 by ../own/loadDropped.ts) is DATA_REMOTE_UNEXPECTED, and so is a
 * catalogue file that unpacked to another shape than the catalogue says, or splits that disagree.
 */
import { writeDatasetFile } from '../formats/packedFile';
import { sha256Hex } from '../formats/sha256';
import type { ManifestSplit } from '../manifest';
import type { OwnDatasetInfo, OwnSplit } from '../own/ownDataset';
import type { CachedSet, SetFile } from './datasetCache';
import { remoteError } from './errors';
import type { FetchPlan } from './fetchPlan';

/** One split as read from a downloaded file. */
export interface FetchedSplit {
  split: string;
  data: OwnSplit;
  /** What the loader said of the whole file (classes, dt, binning). */
  info: OwnDatasetInfo;
  url: string;
}

/** What ../own/describe.ts calls the licence of data whose loader does not know one. */
const OWN_DATA_LICENCE = 'your own data';

const shapeText = (s: { T: number; featureShape: number[] }) => `T ${s.T} × [${s.featureShape.join(', ')}]`;

function check(plan: FetchPlan, fetched: readonly FetchedSplit[]): void {
  const first = fetched[0].data;
  for (const { split, data, url } of fetched) {
    const fail = (what: string) => {
      throw remoteError('DATA_REMOTE_UNEXPECTED', `The ${split} file of ${plan.name} (${url}) ${what}.`,
        plan.fromUrl ? 'Only spike data (0/1 values) can be kept; drop the file on the page to use other values for this session.' : 'The host may serve another version of the dataset than the lab knows: check the dataset\'s page.', url);
    };
    if (!data.packed) fail('holds values other than 0 and 1 (counts or currents), which the cache of spike datasets cannot keep');
    if (plan.expect && shapeText(data) !== shapeText(plan.expect)) fail(`unpacked to ${shapeText(data)}, not the ${shapeText(plan.expect)} of the dataset`);
    if (shapeText(data) !== shapeText(first)) fail(`unpacked to ${shapeText(data)}, unlike the ${shapeText(first)} of the ${fetched[0].split} split`);
  }
}

function countsOf(labels: Uint8Array, classes: number): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (const label of labels) counts[label]++;
  return counts;
}

/** The set's manifest entry and the files to write, for `plan` and the splits read (at least one). */
export async function cachedSetOf(plan: FetchPlan, fetched: readonly FetchedSplit[], at: number): Promise<{ set: CachedSet; files: SetFile[] }> {
  check(plan, fetched);
  const { info } = fetched[0];
  const classes = fetched.map((f) => f.info.classes).reduce((a, b) => (b.length > a.length ? b : a));
  // An address's file: the licence its loader knows (SHD, N-MNIST), unless it is the own-data default of ../own/describe.ts.
  const known = plan.fromUrl && info.licence !== OWN_DATA_LICENCE;
  const licence = known ? info.licence : plan.licence;
  const attribution = known ? `${info.attribution} Fetched from ${plan.source}.` : plan.attribution;
  const featureOrder = plan.expect?.featureOrder ?? info.featureOrder;
  const token = at.toString(36);
  const splits: ManifestSplit[] = [];
  const files: SetFile[] = [];
  for (const { split, data } of fetched) {
    const id = `${plan.id}-${split}`;
    const bytes = await writeDatasetFile({
      header: {
        kind: 'spikes', id, name: plan.name, split, n: data.n, T: data.T, featureShape: data.featureShape, featureOrder,
        dt: info.dt, binning: info.binning, classes, licence, attribution, source: plan.source,
      },
      data: data.packed!, labels: data.labels,
    });
    const path = `${plan.id}/${split}-${token}.safetensors`;
    splits.push({ id, split, file: path, bytes: bytes.length, sha256: await sha256Hex(bytes), n: data.n, classCounts: countsOf(data.labels, classes.length) });
    files.push({ path, bytes });
  }
  const { data } = fetched[0];
  const set: CachedSet = {
    id: plan.id, name: plan.name, kind: 'spikes', description: plan.description,
    T: data.T, dt: info.dt, binning: info.binning, featureShape: [...data.featureShape], featureOrder, classes, licence, attribution, source: plan.source,
    splits, fetched: { at, from: fetched.map((f) => f.url) },
  };
  return { set, files };
}
