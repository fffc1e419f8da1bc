/**
 * The picker's entry for an own dataset: a ManifestSet (so the Run panel's fit check and settings
 * treat it like a shipped set) with the file's name, shape, T and classes in words, and the
 * `own` details. Its id is stable for the same files (name and size), so dropping a file again
 * replaces the earlier copy instead of listing it twice.
 */
import { formatBytes } from '../../core/limits';
import { OWN_PREFIX, splitBytes, type OwnDataset, type OwnDatasetInfo, type OwnSplit } from './ownDataset';

export interface OwnDescription {
  /** The dropped files (first one names the set). */
  files: { name: string; size: number }[];
  /** What was read, in words. */
  read: string;
  classes: string[];
  dt: number | null;
  binning: string;
  licence?: string;
  attribution?: string;
  train: OwnSplit;
  test?: OwnSplit;
  testName?: string;
}

function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(36);
}

/** "own:data-npz-1x2y3z": from the files' names and sizes. */
export function ownId(files: readonly { name: string; size: number }[]): string {
  const first = (files[0]?.name ?? 'data').split(/[\\/]/).pop() ?? 'data';
  const slug = first.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'data';
  return `${OWN_PREFIX}${slug}-${fnv1a(files.map((f) => `${f.name}:${f.size}`).join('|'))}`;
}

/** "data.npz", "spikes.npy + labels.npy", "Train/, Test/ (70,000 files)", "a.bin and 4 more". */
export function filesLabel(files: readonly { name: string }[]): string {
  const base = (name: string) => name.split(/[\\/]/).pop() ?? name;
  if (files.length <= 2) return files.map((f) => base(f.name)).join(' + ');
  const count = files.length.toLocaleString('en');
  if (files.every((f) => /[\\/]/.test(f.name))) {
    const tops = [...new Set(files.map((f) => `${f.name.split(/[\\/]/)[0]}/`))];
    return `${tops.slice(0, 3).join(', ')}${tops.length > 3 ? ', …' : ''} (${count} files)`;
  }
  return `${base(files[0].name)} and ${(files.length - 1).toLocaleString('en')} more`;
}

const countsOf = (split: OwnSplit, classes: number) => {
  const counts = new Array<number>(classes).fill(0);
  for (const label of split.labels) counts[label]++;
  return counts;
};

/** "20 per class", "90 / 110 per class", "3–40 per class", with how many classes have none. */
export function classCountsText(counts: readonly number[]): string {
  const empty = counts.filter((c) => c === 0).length;
  const none = empty ? `, ${empty} class${empty === 1 ? '' : 'es'} with none` : '';
  if (counts.every((c) => c === counts[0])) return `${counts[0].toLocaleString('en')} per class`;
  if (counts.length <= 4) return `${counts.map((c) => c.toLocaleString('en')).join(' / ')} per class${none}`;
  return `${Math.min(...counts).toLocaleString('en')}–${Math.max(...counts).toLocaleString('en')} per class${none}`;
}

export function describeOwn(d: OwnDescription): OwnDataset {
  const id = ownId(d.files);
  const name = filesLabel(d.files);
  const { train, test } = d;
  const held = splitBytes(train) + (test ? splitBytes(test) : 0);
  const encoding = train.packed ? 'packed' : 'float32';
  const samples = `${train.n.toLocaleString('en')} samples (${classCountsText(countsOf(train, d.classes.length))})${test ? ` and ${test.n.toLocaleString('en')} ${d.testName ?? 'test'}` : ''}`;
  const description = `Your data from ${name}: ${samples}, T = ${train.T} steps of [${train.featureShape.join(', ')}], ${d.classes.length} classes; `
    + `${encoding === 'packed' ? 'spikes bit-packed' : 'values other than 0/1, kept as float32'}, ${formatBytes(held)} in memory.`;
  const splitEntry = (split: OwnSplit, which: string) => ({
    id: `${id}-${which}`, split: which, file: '', bytes: splitBytes(split), sha256: '', n: split.n, classCounts: countsOf(split, d.classes.length),
  });
  const info: OwnDatasetInfo = {
    id, name, kind: 'spikes', description, T: train.T, dt: d.dt, binning: d.binning, featureShape: [...train.featureShape], featureOrder: 'as in the file',
    classes: d.classes, licence: d.licence ?? 'your own data', attribution: d.attribution ?? name, source: `dropped file${d.files.length === 1 ? '' : 's'}`,
    splits: test ? [splitEntry(train, 'train'), splitEntry(test, 'test')] : [splitEntry(train, 'train')],
    own: {
      files: d.files.map((f) => f.name), fileBytes: d.files.reduce((a, f) => a + f.size, 0), heldBytes: held, encoding, read: d.read,
      kept: false, keptNote: 'not kept yet', addedAt: Date.now(),
    },
  };
  const dataset: OwnDataset = { info, train };
  if (test) dataset.test = test;
  return dataset;
}
